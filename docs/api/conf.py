"""Sphinx configuration of the Python API reference (docs/api-reference.txt), built from the
docstrings by tests/test_api_docs.py and ``python tools/api_docs.py``; only autodoc, so that the
page is the same wherever it is built."""

project = "retailkg"
extensions = ["sphinx.ext.autodoc"]
root_doc = "index"
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True}
nitpicky = True
text_newlines = "unix"
text_sectionchars = "=-~"
text_add_secnumbers = False
# A reference to a function, method or attribute that the page does not document is an error
# (-n -W): a renamed method breaks the build. Types in signatures are named, not linked, when the
# page does not document them: the standard library's and other packages' (no intersphinx: the
# build makes no request), and the library's own plumbing (Engine, ResultTable, Credentials …).
nitpick_ignore_regex = [("py:class", r"(rdflib|pathlib|datetime|collections|types|typing|pandas|pyoxigraph)\..*"),
                        ("py:class", r"Path"),
                        ("py:class", r"retailkg\.(query|validation|rdf|kg|design|text)\..*"),
                        ("py:class", r"Engine")]
