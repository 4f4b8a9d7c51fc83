"""TensorFlow/Keras/NumPy/Pillow work. Never imports Qt (checked by import-linter and a test).

One folder per capability — ``models/`` (where a network comes from),
``inspection/`` (layer table, activations, mosaics), ``adversarial/``,
``style/``, ``gan/`` — and the plumbing they share at this level: ``jobs``
(the job protocol), ``errors`` (sentences), ``images``, ``atomic`` (writing a
file all at once), ``phrases``, ``formatting``, ``cpu``, ``kiosk`` and
``workspace`` (everything the window needs about one model). No package
re-exports: import the module that holds the name.
"""
