"""The generated Python client (clients/python) is imported from the repository, as
committed: the end-to-end test checks exactly what users of the client get."""

from __future__ import annotations

import sys
from pathlib import Path

CLIENT = Path(__file__).parents[2] / "clients" / "python"
if str(CLIENT) not in sys.path:
    sys.path.insert(0, str(CLIENT))
