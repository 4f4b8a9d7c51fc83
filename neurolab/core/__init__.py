"""TensorFlow/Keras/NumPy/Pillow work. Never imports Qt (checked by import-linter and a test)."""
