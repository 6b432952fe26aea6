"""What of content/ and site_config/ the project reads: links are refused, skipped folders named.

Every reader of the project (schools, offer, evaluations, site_config/) lists folders and opens
files by name, and the operating system follows a symbolic link on the way without a word: a
link to a `sop.md` outside the repository would be read, checked and published. So before any
of them runs, `walk` goes through content/ and site_config/ without following a link (lstat
only; a link's target is never opened, listed or stat'ed) and

- refuses every link, to a file or a folder, inside the project or outside it, dangling or not
  (SOP005, an error). While there is one, `ProjectState` reads nothing else: one guard before
  all readers, rather than one in each reader that a new reader could forget. `check` then
  shows only the links; once they are replaced by the files themselves, it checks the rest.
- names every folder that the readers skip because its name starts with a dot
  (files.skipped_name; SOP210, a warning), so that a school folder `.de-linde/` does not vanish
  from the site unseen. Not named: `.git` (Git makes it: a nested repository or a submodule),
  and files whose name starts with a dot (`.DS_Store`, `.gitkeep`, an editor's swap file), which
  never hold a school. Folders whose name starts with `_` are not skipped: under
  content/schools/ such a folder is read and refused as an address (SOP206).

Hard links cannot be told from the file itself and are not links in this sense; Windows
junctions are not recognised by Python 3.11's `os.DirEntry` and are left to Git, which does not
store them.
"""

from __future__ import annotations

import os
from pathlib import Path

from sop_builder.core.catalogue.crosschecks import HIDDEN_FOLDER
from sop_builder.core.catalogue.reading import LINK
from sop_builder.core.issues import Issue
from sop_builder.project.files import skipped_name

WATCHED = ("content", "site_config")  # the folders people edit and the readers read
TOOL_FOLDERS = frozenset({".git"})  # made by Git: not named (see the module's docstring)


def walk(root: Path) -> list[Issue]:
    """SOP005 for every link in content/ and site_config/ (the folders themselves included),
    SOP210 for every folder the readers skip by its name; sorted by path."""
    issues: list[Issue] = []
    for top in WATCHED:
        if (root / top).is_symlink():
            issues.append(LINK.at(top, name=top))
            continue
        todo = [top]
        while todo:
            rel = todo.pop()
            try:
                entries = sorted(os.scandir(root / rel), key=lambda e: e.name)
            except OSError:  # missing or unreadable: the readers say so in their own words
                continue
            for entry in entries:
                path = f"{rel}/{entry.name}"
                if entry.is_symlink():
                    issues.append(LINK.at(path, name=entry.name))
                elif not entry.is_dir(follow_symlinks=False) or entry.name in TOOL_FOLDERS:
                    continue
                elif skipped_name(entry.name):
                    issues.append(HIDDEN_FOLDER.at(path, name=entry.name, parent=rel))
                else:
                    todo.append(path)
    return sorted(issues, key=Issue.sort_key)
