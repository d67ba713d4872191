"""Turn the comparison data under ``data/`` into Markdown pages.

Three pure stages, none of which imports MkDocs:

* :mod:`sitegen.load` reads YAML files into plain values with line positions;
* :mod:`sitegen.validate` turns those values into the typed model of :mod:`sitegen.model`,
  or into a list of :class:`sitegen.model.Problem`;
* :mod:`sitegen.render` turns the model into ``{path: markdown}``.
"""
