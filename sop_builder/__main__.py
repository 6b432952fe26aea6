"""`python -m sop_builder` runs the command line."""

from sop_builder.cli.main import main

main()
