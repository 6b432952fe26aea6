"""The command line: thin commands over the packages below (see main.py)."""

from sop_builder.cli.dutch import install

install()  # Click's own words (usage, errors) in Dutch, before any command is made
