"""``python -m generator``: the same commands as the ``mlpm`` console script."""

from .cli import main

main(prog_name="python -m generator")
