"""The bundled *neurolab shapes* model's making: its drawn data and its training script.

- :mod:`.shapes_data` — the pictures it learns from, drawn from a seed (no download);
  the GAN's built-in set draws its shapes too.
- :mod:`.train` — ``python -m neurolab.core.models.bundled.train`` writes the model,
  its labels and ``MODEL_CARD.md`` into ``resources/models`` (bit for bit the shipped ones).

The model files themselves ship in ``resources/models``; :mod:`neurolab.core.models.catalog`
loads them.
"""
