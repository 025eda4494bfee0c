"""`python -m liushou` is the `liushou` command."""

from liushou.cli import main

main()
