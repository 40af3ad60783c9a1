"""The site: registered page generators, navigation, writing, engines and the atomic build.

``generate`` renders the validated content into ``generated/`` (``render``, ``pages``,
``nav``, ``config``, ``write``); ``build`` runs an engine (``engines``) on it and swaps
``site/`` in one step.
"""
