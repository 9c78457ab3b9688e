# Copyright 2026 Aix-Multi-Services Environnement
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Lengths of the methods of addons, to hold ours to the size of Odoo's own (hr_skills,
fleet, sale's portal): lines from a method's `def` to its last line, docstring and
comments included, tests left out.
    bin/method_sizes.py FOLDER…            the distribution of each folder
    bin/method_sizes.py --over N FOLDER…   also lists the methods longer than N lines
    bin/method_sizes.py --max-p90 30 --max 50 FOLDER…   fails beyond those limits
"""

import argparse
import ast
import pathlib
import statistics
import sys


def methods(folder):
    """(file, qualified name, lines) of every function defined in a class."""
    for path in sorted(pathlib.Path(folder).rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in cls.body:
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    size = node.end_lineno - node.lineno + 1
                    yield path, f"{cls.name}.{node.name}", size


def percentile(sizes, share):
    ordered = sorted(sizes)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--over", type=int)
    parser.add_argument("--max-p90", type=int)
    parser.add_argument("--max", type=int)
    args = parser.parse_args(argv)
    failed = False
    print(f"{'folder':<42} {'methods':>7} {'median':>6} {'p90':>4} {'max':>4}")
    for folder in args.folders:
        found = list(methods(folder))
        sizes = [size for __, __, size in found]
        if not sizes:
            print(f"{folder}: no method")
            continue
        p90 = percentile(sizes, 0.9)
        name = pathlib.Path(folder).name
        median = statistics.median(sizes)
        print(f"{name:<42} {len(sizes):>7} {median:>6.0f} {p90:>4} {max(sizes):>4}")
        for path, method, size in found:
            if args.over and size > args.over:
                print(f"    {size:>4}  {method}  ({path})")
        if (args.max_p90 and p90 > args.max_p90) or (args.max and max(sizes) > args.max):
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
