"""Hostile HTML and Markdown constructs for the no-lost-word tests.

Written for this project (not copied): each line is a construct of a kind that sanitizer test
suites and cheat sheets publish, chosen after reading DOMPurify's test/fixtures/expect.mjs
(Apache-2.0 or MPL-2.0), html5lib-tests' tokenizer and tree-construction data (MIT) and OWASP's
XSS Filter Evasion Cheat Sheet (CC BY-SA 4.0): mutation XSS through nested MathML, SVG, tables
and raw-text elements (style, template, noscript, textarea, title, xmp, plaintext, noembed,
noframes, iframe), comments and bogus comments, CDATA sections, processing instructions,
unclosed tags, mixed case, character-reference tricks, Markdown links to other schemes, and
CSS that fetches. A school's text is Markdown without raw HTML, so each must be shown as the
text it is, or be reported by `check` at its line; none may make words vanish silently.
"""

from __future__ import annotations

# The construct that made the rest of its section vanish (issue 21, finding 8): its '<!--'
# started an HTML comment, an internal note, that a later '-->' closed.
SWALLOWING = '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">'

VECTORS = [
    # nested MathML, SVG, tables and raw-text elements (mutation XSS)
    SWALLOWING,
    '<math><mtext><table><mglyph><style><!--</style><img title="--></mglyph><img src=1 onerror=alert(1)>">',
    '<math><mtext><table><mglyph><style><math href="javascript:alert(1)">KLIK</math>',
    '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    '<math><mi//xlink:href="data:x,<script>alert(4)</script>">',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<svg><p><style><g title="</style><img src=x onerror=alert(1)>">',
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<svg><desc><style><img src=x onerror=alert(1)>",
    "<svg><foreignObject><style></style><img src=x onerror=alert(1)></foreignObject></svg>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=javascript:alert(1)><text x=20 y=20>KLIK</text></a></svg>",
    "<svg/onload=alert(1)>",
    "<math><style><img src=x onerror=alert(1)></style></math>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>KLIK</maction></math>",
    "<table><style><img src=x onerror=alert(1)></style></table>",
    "<table><td><style></td><img src=x onerror=alert(1)></style>",
    "<table><caption><svg><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<template><style></template><img src=x onerror=alert(1)></style>",
    "<template><script>alert(1)</script></template>",
    '<select><template><style><!--</style><a rel="--></template></select><img src onerror=alert(1)>">',
    "<textarea></textarea><img src=x onerror=alert(1)>",
    '<textarea><img title="</textarea><img src=x onerror=alert(1)>">',
    "<title><img src=x onerror=alert(1)></title>",
    '<title><a title="</title><img src=x onerror=alert(1)>">',
    "<xmp><img src=x onerror=alert(1)></xmp>",
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    "<plaintext><img src=x onerror=alert(1)>",
    '<noembed><img title="</noembed><img src onerror=alert(1)>"></noembed>',
    '<noframes><img title="</noframes><img src onerror=alert(1)>"></noframes>',
    '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    "<iframe src=javascript:alert(1)></iframe>",
    "<style><style/><img src=x onerror=alert(1)>",
    # comments, bogus comments, CDATA, processing instructions, declarations
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<!-- --!><img src=x onerror=alert(1)>-->",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!---><img src=x onerror=alert(1)>-->",
    "<!-- a -- b --> na het commentaar",
    "<!--[if IE]><img src=x onerror=alert(1)><![endif]-->",
    '<! foo="><img src=x onerror=alert(1)>">',
    '</ foo="><img src=x onerror=alert(1)>">',
    '</x foo="><img src=x onerror=alert(1)>">',
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
    '<?xml version="1.0"?><img src=x onerror=alert(1)>',
    "<?><img src=x onerror=alert(1)>?>",
    "<!DOCTYPE html><img src=x onerror=alert(1)>",
    # unclosed tags and attributes
    "<img src=x onerror=alert(1)",
    '<a href="javascript:alert(1)"',
    "<script>alert(1)",
    "<style",
    "<b <i>tekst",
    '<img src="x" alt="',
    "<a href=x title='",
    # mixed case
    "<ScRiPt>alert(1)</sCrIpT>",
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<sVg OnLoAd=alert(1)>",
    "<STYLE>@import'//evil.example/x.css';</STYLE>",
    '<MaTh><MtExT><TaBlE><MgLyPh><StYlE><!--</StYlE><ImG TiTlE="-->',
    # character references
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "&#x3C;svg onload=alert(1)&#x3E;",
    "&LT;b&GT;vet&LT;/b&GT;",
    "&lt &gt zonder puntkomma",
    "&amp;lt;b&amp;gt;",
    "&#0; &#x110000; &#xD800; &nbsp;&NewLine;&Tab;",
    "jav&#x09;ascript:alert(1)",
    "[link](jav&#x09;ascript:alert(1))",
    "[link](&#106;avascript:alert(1))",
    "[link](java%0ascript:alert(1))",
    '<a href="&#14;javascript:alert(1)">x</a>',
    # Markdown: links, images and definitions to other schemes, autolinks, code
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik]( javascript:alert(1) )",
    "![plaatje](javascript:alert(1))",
    "[klik][x]\n\n[x]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[klik](<javascript:alert(1)>)",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](vbscript:msgbox(1))",
    '[klik](https://x.nl "titel" onmouseover="alert(1)")',
    '<https://x.nl" onmouseover="alert(1)>',
    "<a@x.nl onmouseover=alert(1)>",
    "`<img src=x onerror=alert(1)>`",
    "```\n<script>alert(1)</script>\n```",
    "    <script>alert(1)</script>",
    # CSS that fetches, and attributes that fetch or run
    'style="background:url(http://evil.example/x.png)"',
    "url(//evil.example/x.png)",
    '@import "//evil.example/x.css";',
    '<div style="background-image: url(javascript:alert(1))">x</div>',
    "<p style=x:expression(alert(1))>",
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<link rel=stylesheet href=//evil.example/x.css>",
    '<object data="javascript:alert(1)">',
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<input type=image src=x onerror=alert(1)>",
    "<video poster=javascript:alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    # breaking out of attributes and attribute lists
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    "{: onclick=alert(1) }",
    "{ onclick=alert(1) }",
]
