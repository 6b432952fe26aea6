"""`python -m sop_builder` runs the command line."""

from .cli import main

main()
