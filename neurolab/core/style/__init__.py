"""Neural style transfer (Gatys et al.) as a job: paint one image in another's style.

- :mod:`.transfer` — ``style_transfer_job``: the image optimised coarse to
  fine; ``StyleConfig``, ``StyleResult``, the time-left estimate.
- :mod:`.backbones` — the feature networks whose Gram matrices define "style"
  (VGG19 when its weights are cached; offline: random filters or the bundled
  shapes model), their loss weights, and the traced Adam step.
- :mod:`.losses` — style (Gram), content and total-variation losses.

Import the module you need; this package re-exports nothing. No Qt here.
"""
