"""The contradiction detectors, one module each: ``numeric``, ``polarity``,
``opposing_action``, ``responsibility`` and ``verdict``.

Each module exposes one detector, a pure function of two claims (:class:`ClaimView` or
:class:`Prepared`) that returns a :class:`Signal` or None, and keeps the rules only it uses.
``tracker.contradictions.registry`` lists the detectors in the order ``detect`` runs them;
to add one, write its module here and add its entry there (docs/contradictions.md, "Adding
a detector").

Must not: touch the database, print, or import typer, rich or SQLAlchemy. A detector never
calls ``detect``; it reads what ``analysis``, ``windows`` and ``pairs`` give it.
"""
