"""Adversarial images: an image a person calls a daisy and the network calls a flamingo.

Everything here works in 0–255 pixel units on the image at its *own* size: the
resize to the model's input (bilinear, antialiased like Pillow's) is part of
the differentiated path, so a student gets their own photo back, changed by a
few levels per pixel. Every verdict ("the attack worked", "the network says …")
is judged on the 8-bit image exactly as it would be saved as PNG and read
back, classified the way :func:`neurolab.core.models.classify.classify` does it.

- :mod:`.gradients` — a loaded model as a differentiable function of an image
  (``GradientModel``), its top classes, class numbers checked.
- :mod:`.measures` — what a person can judge: L∞, L2, PSNR, SSIM; a
  perturbation made visible.
- :mod:`.attacks` — FGSM and PGD (``attack_job``).
- :mod:`.fooling` — fooling images grown from noise, and blending noise into a
  photo (``fool_job``, ``blend_job``).

Import the module you need; this package re-exports nothing. Nothing here
imports Qt; TensorFlow is imported when a model is first used.
"""
