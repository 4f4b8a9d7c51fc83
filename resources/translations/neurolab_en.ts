<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ActivationsTab</name>
    <message>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <source>Open a photo of any size (or drop one on the window)</source>
        <translation>Open a photo of any size (or drop one on the window)</translation>
    </message>
    <message>
        <source>Native size</source>
        <translation>Native size</translation>
    </message>
    <message>
        <source>Resize the image to the model&apos;s input size instead of running the filters over it at its own size</source>
        <translation>Resize the image to the model&apos;s input size instead of running the filters over it at its own size</translation>
    </message>
    <message>
        <source>Overlay on image</source>
        <translation>Overlay on image</translation>
    </message>
    <message>
        <source>Show the chosen channel as a heat map over the image</source>
        <translation>Show the chosen channel as a heat map over the image</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>Cividis (colour-blind safe)</source>
        <translation>Cividis (colour-blind safe)</translation>
    </message>
    <message>
        <source>How activations are coloured: grey runs from black (weak) to white (strong); cividis from dark blue to yellow, readable with any colour vision</source>
        <translation>How activations are coloured: grey runs from black (weak) to white (strong); cividis from dark blue to yellow, readable with any colour vision</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Colours:</translation>
    </message>
    <message>
        <source>Each tile its own</source>
        <translation>Each tile its own</translation>
    </message>
    <message>
        <source>Shared by all tiles</source>
        <translation>Shared by all tiles</translation>
    </message>
    <message>
        <source>Each tile its own: every channel is stretched from its lowest to its highest value, so weak filters show too. Shared: one scale for the whole layer, so you can see which filters respond strongly.</source>
        <translation>Each tile its own: every channel is stretched from its lowest to its highest value, so weak filters show too. Shared: one scale for the whole layer, so you can see which filters respond strongly.</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Scale:</translation>
    </message>
    <message>
        <source>Gamma below 1 brightens the weak values of dark mosaics (ReLU layers are mostly black); 1 shows values as they are</source>
        <translation>Gamma below 1 brightens the weak values of dark mosaics (ReLU layers are mostly black); 1 shows values as they are</translation>
    </message>
    <message>
        <source>&amp;Gamma:</source>
        <translation>&amp;Gamma:</translation>
    </message>
    <message>
        <source>Save mosaic…</source>
        <translation>Save mosaic…</translation>
    </message>
    <message>
        <source>&amp;Save mosaic…</source>
        <translation>&amp;Save mosaic…</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>No layer selected</translation>
    </message>
    <message>
        <source>Drop an image here, then pick a layer in the tree on the left.</source>
        <translation>Drop an image here, then pick a layer in the tree on the left.</translation>
    </message>
    <message>
        <source>Each tile is one channel; white = strong. Click a tile to see it large.</source>
        <translation>Each tile is one channel; white = strong. Click a tile to see it large.</translation>
    </message>
    <message>
        <source>What does this filter want?</source>
        <translation>What does this filter want?</translation>
    </message>
    <message>
        <source>Grow a picture this filter answers as strongly as it can (the Features tab), the mirror of its activation here</source>
        <translation>Grow a picture this filter answers as strongly as it can (the Features tab), the mirror of its activation here</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>No image</translation>
    </message>
    <message>
        <source>Click a tile of the mosaic</source>
        <translation>Click a tile of the mosaic</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>The channel shown large: the keyboard&apos;s way of clicking a tile</source>
        <translation>The channel shown large: the keyboard&apos;s way of clicking a tile</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
    <message>
        <source>white = strong</source>
        <translation>white = strong</translation>
    </message>
    <message>
        <source>yellow = strong, dark blue = weak</source>
        <translation>yellow = strong, dark blue = weak</translation>
    </message>
    <message>
        <source>Each tile is one channel; {0}. Click a tile to see it large.</source>
        <translation>Each tile is one channel; {0}. Click a tile to see it large.</translation>
    </message>
    <message>
        <source>Activations need a model that takes one image. {0} Its layers are in the table on the left.</source>
        <translation>Activations need a model that takes one image. {0} Its layers are in the table on the left.</translation>
    </message>
    <message>
        <source>No activations for this model</source>
        <translation>No activations for this model</translation>
    </message>
    <message>
        <source>Input: {0} resized to {1}×{2}</source>
        <translation>Input: {0} resized to {1}×{2}</translation>
    </message>
    <message>
        <source>Input: {0} ({1}×{2})</source>
        <translation>Input: {0} ({1}×{2})</translation>
    </message>
    <message>
        <source>Computing activations…</source>
        <translation>Computing activations…</translation>
    </message>
    <message>
        <source>Pick a layer in the tree on the left</source>
        <translation>Pick a layer in the tree on the left</translation>
    </message>
    <message>
        <source>{0}: waiting for activations…</source>
        <translation>{0}: waiting for activations…</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n units, one cell each (brightness = value)</source>
        <translation>
            <numerusform>{0}: %n unit, one cell (brightness = value)</numerusform>
            <numerusform>{0}: %n units, one cell each (brightness = value)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1} — %n channels</source>
        <translation>
            <numerusform>{0}: {1} — %n channel</numerusform>
            <numerusform>{0}: {1} — %n channels</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: no activations</source>
        <translation>{0}: no activations</translation>
    </message>
    <message>
        <source>The table on the left gives sizes for the network&apos;s {0}×{1} input; this mosaic is for the photo at its own size, {2}×{3} (height×width). Native size resizes the photo to the input size first.</source>
        <translation>The table on the left gives sizes for the network&apos;s {0}×{1} input; this mosaic is for the photo at its own size, {2}×{3} (height×width). Native size resizes the photo to the input size first.</translation>
    </message>
    <message>
        <source>This layer needs the model&apos;s input size, so the image was resized to {0}×{1} for it.</source>
        <translation>This layer needs the model&apos;s input size, so the image was resized to {0}×{1} for it.</translation>
    </message>
    <message>
        <source>Heat map:</source>
        <translation>Heat map:</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Values:</translation>
    </message>
    <message>
        <source>Unit {0} of {1}</source>
        <translation>Unit {0} of {1}</translation>
    </message>
    <message>
        <source>Channel {0} of {1}</source>
        <translation>Channel {0} of {1}</translation>
    </message>
    <message>
        <source>All units:</source>
        <translation>All units:</translation>
    </message>
    <message>
        <source>All tiles:</source>
        <translation>All tiles:</translation>
    </message>
    <message>
        <source>Tile {0}:</source>
        <translation>Tile {0}:</translation>
    </message>
    <message>
        <source>Save mosaic</source>
        <translation>Save mosaic</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>AdversarialTab</name>
    <message>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <source>What a person says the image shows</source>
        <translation>What a person says the image shows</translation>
    </message>
    <message>
        <source>Drop an image here</source>
        <translation>Drop an image here</translation>
    </message>
    <message>
        <source>Run an attack, grow a fooling image or blend with noise</source>
        <translation>Run an attack, grow a fooling image or blend with noise</translation>
    </message>
    <message>
        <source>Perturbation (amplified)</source>
        <translation>Perturbation (amplified)</translation>
    </message>
    <message>
        <source>A person says:</source>
        <translation>A person says:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Original&lt;/b&gt;</source>
        <translation>&lt;b&gt;Original&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Changed&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Adversarial</source>
        <translation>Adversarial</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Attack</translation>
    </message>
    <message>
        <source>Fool from noise</source>
        <translation>Fool from noise</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>Blend</translation>
    </message>
    <message>
        <source>Save result…</source>
        <translation>Save result…</translation>
    </message>
    <message>
        <source>Another model to classify the changed image with</source>
        <translation>Another model to classify the changed image with</translation>
    </message>
    <message>
        <source>Check with</source>
        <translation>Check with</translation>
    </message>
    <message>
        <source>PGD (iterative)</source>
        <translation>PGD (iterative)</translation>
    </message>
    <message>
        <source>FGSM (one step)</source>
        <translation>FGSM (one step)</translation>
    </message>
    <message>
        <source> / 255</source>
        <translation> / 255</translation>
    </message>
    <message>
        <source>Largest change of any pixel, in levels of 0–255</source>
        <translation>Largest change of any pixel, in levels of 0–255</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>PGD step in pixel levels; auto = ε/4 (FGSM takes one step of ε)</source>
        <translation>PGD step in pixel levels; auto = ε/4 (FGSM takes one step of ε)</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>Random start</translation>
    </message>
    <message>
        <source>(any other class — untargeted)</source>
        <translation>(any other class — untargeted)</translation>
    </message>
    <message>
        <source>Attack</source>
        <comment>button</comment>
        <translation>Attack</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>&lt;b&gt;Start:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Start:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perturbation&lt;/b&gt; (amplified)</source>
        <translation>&lt;b&gt;Perturbation&lt;/b&gt; (amplified)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perturbation × {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Perturbation × {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Grey: unchanged ({0} of the pixel values); lighter: raised; darker: lowered.</source>
        <translation>Grey: unchanged ({0} of the pixel values); lighter: raised; darker: lowered.</translation>
    </message>
    <message>
        <source>weight {0}</source>
        <translation>weight {0}</translation>
    </message>
    <message>
        <source>The network is {0} sure this is a {1}. Does it look like one to you?</source>
        <translation>The network is {0} sure this is a {1}. Does it look like one to you?</translation>
    </message>
    <message>
        <source>The network now says {0} ({1}).</source>
        <translation>The network now says {0} ({1}).</translation>
    </message>
    <message>
        <source>The network still says {0} ({1}).</source>
        <translation>The network still says {0} ({1}).</translation>
    </message>
    <message>
        <source>To a person the image is {0} the same: SSIM {1}, largest pixel change {2}/255, PSNR {3} dB.</source>
        <translation>To a person the image is {0} the same: SSIM {1}, largest pixel change {2}/255, PSNR {3} dB.</translation>
    </message>
    <message>
        <source>{0} says: {1} ({2})</source>
        <translation>{0} says: {1} ({2})</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>steps</translation>
    </message>
    <message>
        <source>type what you see</source>
        <translation>type what you see</translation>
    </message>
    <message>
        <source>Explain the changed image</source>
        <translation>Explain the changed image</translation>
    </message>
    <message>
        <source>Where does the network look, in the photo and in the changed image, for the old and the new label? (the Explain tab)</source>
        <translation>Where does the network look, in the photo and in the changed image, for the old and the new label? (the Explain tab)</translation>
    </message>
    <message>
        <source>The model has several outputs: the one whose scores name the classes</source>
        <translation>The model has several outputs: the one whose scores name the classes</translation>
    </message>
    <message>
        <source>Classes from &amp;output:</source>
        <translation>Classes from &amp;output:</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>step size</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Method:</translation>
    </message>
    <message>
        <source>Make the network say:</source>
        <translation>Make the network say:</translation>
    </message>
    <message>
        <source>random noise</source>
        <translation>random noise</translation>
    </message>
    <message>
        <source>plain grey</source>
        <translation>plain grey</translation>
    </message>
    <message>
        <source>Grow fooling image</source>
        <translation>Grow fooling image</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>Does the result resemble its class in any way?</source>
        <translation>Does the result resemble its class in any way?</translation>
    </message>
    <message>
        <source>the last perturbation or fooling image</source>
        <translation>the last perturbation or fooling image</translation>
    </message>
    <message>
        <source>an image file…</source>
        <translation>an image file…</translation>
    </message>
    <message>
        <source>Blend</source>
        <comment>button</comment>
        <translation>Blend</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Noise:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Weight:</translation>
    </message>
    <message>
        <source>noise weight</source>
        <translation>noise weight</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>probability</translation>
    </message>
    <message>
        <source>The person&apos;s class as noise is mixed in</source>
        <translation>The person&apos;s class as noise is mixed in</translation>
    </message>
    <message>
        <source>Probability of the person&apos;s class against the noise weight; the red line is where the network changes its mind</source>
        <translation>Probability of the person&apos;s class against the noise weight; the red line is where the network changes its mind</translation>
    </message>
    <message>
        <source>Adversarial images need a model that takes one image. {0}</source>
        <translation>Adversarial images need a model that takes one image. {0}</translation>
    </message>
    <message>
        <source>Adversarial images need a classifier. {0} Its activations are in the Activations tab.</source>
        <translation>Adversarial images need a classifier. {0} Its activations are in the Activations tab.</translation>
    </message>
    <message>
        <source>classifying</source>
        <translation>classifying</translation>
    </message>
    <message>
        <source>Choose a class from the list.</source>
        <translation>Choose a class from the list.</translation>
    </message>
    <message>
        <source>Open noise image</source>
        <translation>Open noise image</translation>
    </message>
    <message>
        <source>measuring</source>
        <translation>measuring</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>Loading {0}…</translation>
    </message>
    <message>
        <source>checking transfer</source>
        <translation>checking transfer</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Save result</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>True class {0}, predicted {1}: {2} pictures ({3} of the row)</source>
        <translation>True class {0}, predicted {1}: {2} pictures ({3} of the row)</translation>
    </message>
</context>
<context>
    <name>CorePhrases</name>
    <message>
        <source>Unknown attack method {0}: use fgsm or pgd.</source>
        <translation>Unknown attack method {0}: use fgsm or pgd.</translation>
    </message>
    <message>
        <source>Epsilon must be between {0} and {1} pixel levels (of 0–255), not {2}.</source>
        <translation>Epsilon must be between {0} and {1} pixel levels (of 0–255), not {2}.</translation>
    </message>
    <message>
        <source>attacking</source>
        <translation>attacking</translation>
    </message>
    <message>
        <source>rounding to 8 bits</source>
        <translation>rounding to 8 bits</translation>
    </message>
    <message>
        <source>A fooling image needs a positive size, not {0}.</source>
        <translation>A fooling image needs a positive size, not {0}.</translation>
    </message>
    <message>
        <source>Unknown start {0}: use noise or grey.</source>
        <translation>Unknown start {0}: use noise or grey.</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>growing</translation>
    </message>
    <message>
        <source>Unknown blend mode {0}: use add or mix.</source>
        <translation>Unknown blend mode {0}: use add or mix.</translation>
    </message>
    <message>
        <source>blending</source>
        <translation>blending</translation>
    </message>
    <message>
        <source>The target class {0} does not exist: the model has {1} classes (0–{2}).</source>
        <translation>The target class {0} does not exist: the model has {1} classes (0–{2}).</translation>
    </message>
    <message>
        <source>The true class {0} does not exist: the model has {1} classes (0–{2}).</source>
        <translation>The true class {0} does not exist: the model has {1} classes (0–{2}).</translation>
    </message>
    <message>
        <source>An image must be height × width × 3, not {0}.</source>
        <translation>An image must be height × width × 3, not {0}.</translation>
    </message>
    <message>
        <source>An image must hold 8-bit pixels (uint8), not {0}.</source>
        <translation>An image must hold 8-bit pixels (uint8), not {0}.</translation>
    </message>
    <message>
        <source>Cannot compare images of different sizes ({0} and {1}).</source>
        <translation>Cannot compare images of different sizes ({0} and {1}).</translation>
    </message>
    <message>
        <source>This computer&apos;s processor lacks {0}, which TensorFlow needs, so neurolab cannot compute anything on it; use a PC made after about 2012.</source>
        <translation>This computer&apos;s processor lacks {0}, which TensorFlow needs, so neurolab cannot compute anything on it; use a PC made after about 2012.</translation>
    </message>
    <message>
        <source>Unknown method {0}: use {1}.</source>
        <translation>Unknown method {0}: use {1}.</translation>
    </message>
    <message>
        <source>{0} must be between {1} and {2}, not {3}.</source>
        <translation>{0} must be between {1} and {2}, not {3}.</translation>
    </message>
    <message>
        <source>preparing {0}</source>
        <translation>preparing {0}</translation>
    </message>
    <message>
        <source>Grad-CAM of {0}</source>
        <translation>Grad-CAM of {0}</translation>
    </message>
    <message>
        <source>Grad-CAM++ of {0}</source>
        <translation>Grad-CAM++ of {0}</translation>
    </message>
    <message>
        <source>gradient saliency</source>
        <translation>gradient saliency</translation>
    </message>
    <message>
        <source>SmoothGrad: {0} of {1} noisy copies</source>
        <translation>SmoothGrad: {0} of {1} noisy copies</translation>
    </message>
    <message>
        <source>occlusion: {0} of {1} squares</source>
        <translation>occlusion: {0} of {1} squares</translation>
    </message>
    <message>
        <source>RISE: {0} of {1} masks</source>
        <translation>RISE: {0} of {1} masks</translation>
    </message>
    <message>
        <source>The layer {0} is used more than once in the network, so it has no single map to explain; choose another layer.</source>
        <translation>The layer {0} is used more than once in the network, so it has no single map to explain; choose another layer.</translation>
    </message>
    <message>
        <source>The layer {0} does not lead to the class scores; choose a layer before the output that classifies.</source>
        <translation>The layer {0} does not lead to the class scores; choose a layer before the output that classifies.</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer whose output is a map (height × width × channels); {0} gives {1} values.</source>
        <translation>Grad-CAM needs a layer whose output is a map (height × width × channels); {0} gives {1} values.</translation>
    </message>
    <message>
        <source>{0} has no layer with a spatial map, so Grad-CAM cannot be used; try saliency, occlusion or RISE.</source>
        <translation>{0} has no layer with a spatial map, so Grad-CAM cannot be used; try saliency, occlusion or RISE.</translation>
    </message>
    <message>
        <source>No layer called {0} in {1}.</source>
        <translation>No layer called {0} in {1}.</translation>
    </message>
    <message>
        <source>Unknown parameterisation {0}: use {1}.</source>
        <translation>Unknown parameterisation {0}: use {1}.</translation>
    </message>
    <message>
        <source>Choose at least one layer to dream with.</source>
        <translation>Choose at least one layer to dream with.</translation>
    </message>
    <message>
        <source>Channels must be numbers such as {0}, or all; not {1}.</source>
        <translation>Channels must be numbers such as {0}, or all; not {1}.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Choose at least one channel.</translation>
    </message>
    <message>
        <source>Channel {0} does not exist: the layer has {1} channels ({2}–{3}).</source>
        <translation>Channel {0} does not exist: the layer has {1} channels ({2}–{3}).</translation>
    </message>
    <message>
        <source>{0} works only at the network&apos;s input size, so its images are {1}×{2} pixels.</source>
        <translation>{0} works only at the network&apos;s input size, so its images are {1}×{2} pixels.</translation>
    </message>
    <message>
        <source>preparing class images</source>
        <translation>preparing class images</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>step {0} of {1}</translation>
    </message>
    <message>
        <source>Deep dream needs a colour photo (height × width × 3).</source>
        <translation>Deep dream needs a colour photo (height × width × 3).</translation>
    </message>
    <message>
        <source>The photo has {0} pixels; deep dream takes at most {1}.</source>
        <translation>The photo has {0} pixels; deep dream takes at most {1}.</translation>
    </message>
    <message>
        <source>preparing deep dream</source>
        <translation>preparing deep dream</translation>
    </message>
    <message>
        <source>octave {0} of {1}</source>
        <translation>octave {0} of {1}</translation>
    </message>
    <message>
        <source>The layer {0} has no filters or units to visualise; choose a convolution, an activation or a dense layer.</source>
        <translation>The layer {0} has no filters or units to visualise; choose a convolution, an activation or a dense layer.</translation>
    </message>
    <message>
        <source>Deep dream needs layers that work at any image size; {0} works only at the network&apos;s input size. Choose a convolutional layer.</source>
        <translation>Deep dream needs layers that work at any image size; {0} works only at the network&apos;s input size. Choose a convolutional layer.</translation>
    </message>
    <message>
        <source>Cannot create the checkpoint folder {0} ({1}).</source>
        <translation>Cannot create the checkpoint folder {0} ({1}).</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>write failed</translation>
    </message>
    <message>
        <source>{0} is not a folder, so no checkpoint can be written there.</source>
        <translation>{0} is not a folder, so no checkpoint can be written there.</translation>
    </message>
    <message>
        <source>Cannot write a checkpoint into {0} ({1}).</source>
        <translation>Cannot write a checkpoint into {0} ({1}).</translation>
    </message>
    <message>
        <source>{0} has no manifest (it was not written completely).</source>
        <translation>{0} has no manifest (it was not written completely).</translation>
    </message>
    <message>
        <source>{0} is not a neurolab GAN checkpoint.</source>
        <translation>{0} is not a neurolab GAN checkpoint.</translation>
    </message>
    <message>
        <source>{0} was written by a newer neurolab.</source>
        <translation>{0} was written by a newer neurolab.</translation>
    </message>
    <message>
        <source>{0} lacks its file {1}.</source>
        <translation>{0} lacks its file {1}.</translation>
    </message>
    <message>
        <source>{0} is damaged ({1} does not match its checksum).</source>
        <translation>{0} is damaged ({1} does not match its checksum).</translation>
    </message>
    <message>
        <source>{0} has a damaged manifest ({1}).</source>
        <translation>{0} has a damaged manifest ({1}).</translation>
    </message>
    <message>
        <source>The checkpoint folder {0} was not found.</source>
        <translation>The checkpoint folder {0} was not found.</translation>
    </message>
    <message>
        <source>{0} is not a GAN checkpoint folder (it is a file).</source>
        <translation>{0} is not a GAN checkpoint folder (it is a file).</translation>
    </message>
    <message>
        <source>{0} is not a GAN checkpoint folder (no checkpoint found in it).</source>
        <translation>{0} is not a GAN checkpoint folder (no checkpoint found in it).</translation>
    </message>
    <message>
        <source>{0} cannot be read ({1}).</source>
        <translation>{0} cannot be read ({1}).</translation>
    </message>
    <message>
        <source>No usable checkpoint in {0}: the only one is damaged or incomplete. The newest: {1}</source>
        <translation>No usable checkpoint in {0}: the only one is damaged or incomplete. The newest: {1}</translation>
    </message>
    <message>
        <source>No usable checkpoint in {0}: all {1} are damaged or incomplete. The newest: {2}</source>
        <translation>No usable checkpoint in {0}: all {1} are damaged or incomplete. The newest: {2}</translation>
    </message>
    <message>
        <source>The picture size</source>
        <translation>The picture size</translation>
    </message>
    <message>
        <source>The picture size must be {0} or {1} px, not {2}.</source>
        <translation>The picture size must be {0} or {1} px, not {2}.</translation>
    </message>
    <message>
        <source>The latent size</source>
        <translation>The latent size</translation>
    </message>
    <message>
        <source>The batch size</source>
        <translation>The batch size</translation>
    </message>
    <message>
        <source>The number of epochs</source>
        <translation>The number of epochs</translation>
    </message>
    <message>
        <source>The generator&apos;s learning rate</source>
        <translation>The generator&apos;s learning rate</translation>
    </message>
    <message>
        <source>The discriminator&apos;s learning rate</source>
        <translation>The discriminator&apos;s learning rate</translation>
    </message>
    <message>
        <source>beta_1 must be at least 0 and below 1, not {0}.</source>
        <translation>beta_1 must be at least 0 and below 1, not {0}.</translation>
    </message>
    <message>
        <source>The seed</source>
        <translation>The seed</translation>
    </message>
    <message>
        <source>The number of preview samples</source>
        <translation>The number of preview samples</translation>
    </message>
    <message>
        <source>The preview interval (steps)</source>
        <translation>The preview interval (steps)</translation>
    </message>
    <message>
        <source>The network width</source>
        <translation>The network width</translation>
    </message>
    <message>
        <source>The history interval (steps)</source>
        <translation>The history interval (steps)</translation>
    </message>
    <message>
        <source>{0} must be true or false, not {1}.</source>
        <translation>{0} must be true or false, not {1}.</translation>
    </message>
    <message>
        <source>The label smoothing must be at least 0 and below 0.5, not {0}.</source>
        <translation>The label smoothing must be at least 0 and below 0.5, not {0}.</translation>
    </message>
    <message>
        <source>The discriminator&apos;s dropout must be at least 0 and below 1, not {0}.</source>
        <translation>The discriminator&apos;s dropout must be at least 0 and below 1, not {0}.</translation>
    </message>
    <message>
        <source>{0} must be a whole number between {1} and {2}, not {3}.</source>
        <translation>{0} must be a whole number between {1} and {2}, not {3}.</translation>
    </message>
    <message>
        <source>{0} must be a whole number at least {1}, not {2}.</source>
        <translation>{0} must be a whole number at least {1}, not {2}.</translation>
    </message>
    <message>
        <source>{0} must be a positive number up to 1, not {1}.</source>
        <translation>{0} must be a positive number up to 1, not {1}.</translation>
    </message>
    <message>
        <source>The GAN works on {0} or {1} px pictures, not {2} px.</source>
        <translation>The GAN works on {0} or {1} px pictures, not {2} px.</translation>
    </message>
    <message>
        <source>The built-in set needs at least one picture, not {0}.</source>
        <translation>The built-in set needs at least one picture, not {0}.</translation>
    </message>
    <message>
        <source>drawing the built-in shapes</source>
        <translation>drawing the built-in shapes</translation>
    </message>
    <message>
        <source>built-in shapes ({0})</source>
        <translation>built-in shapes ({0})</translation>
    </message>
    <message>
        <source>{0} is not a folder.</source>
        <translation>{0} is not a folder.</translation>
    </message>
    <message>
        <source>The folder {0} was not found.</source>
        <translation>The folder {0} was not found.</translation>
    </message>
    <message>
        <source>looking for pictures in {0}</source>
        <translation>looking for pictures in {0}</translation>
    </message>
    <message>
        <source>{0} is too large to fit in memory.</source>
        <translation>{0} is too large to fit in memory.</translation>
    </message>
    <message>
        <source>reading pictures in {0}</source>
        <translation>reading pictures in {0}</translation>
    </message>
    <message>
        <source>No readable images in {0} ({1} file skipped).</source>
        <translation>No readable images in {0} ({1} file skipped).</translation>
    </message>
    <message>
        <source>No readable images in {0} ({1} files skipped).</source>
        <translation>No readable images in {0} ({1} files skipped).</translation>
    </message>
    <message>
        <source>drawing the shapes</source>
        <translation>drawing the shapes</translation>
    </message>
    <message>
        <source>training the shape judge</source>
        <translation>training the shape judge</translation>
    </message>
    <message>
        <source>An interpolation needs at least 2 steps, not {0}.</source>
        <translation>An interpolation needs at least 2 steps, not {0}.</translation>
    </message>
    <message>
        <source>The batch size ({0}) must be a multiple of the number of devices training together ({1}).</source>
        <translation>The batch size ({0}) must be a multiple of the number of devices training together ({1}).</translation>
    </message>
    <message>
        <source>The pictures are {0} px but this GAN draws {1} px pictures.</source>
        <translation>The pictures are {0} px but this GAN draws {1} px pictures.</translation>
    </message>
    <message>
        <source>The GAN has no pictures to learn from yet.</source>
        <translation>The GAN has no pictures to learn from yet.</translation>
    </message>
    <message>
        <source>epoch {0}/{1}</source>
        <translation>epoch {0}/{1}</translation>
    </message>
    <message>
        <source>The checkpoint {0} is damaged or from another program ({1}).</source>
        <translation>The checkpoint {0} is damaged or from another program ({1}).</translation>
    </message>
    <message>
        <source>its settings cannot be used</source>
        <translation>its settings cannot be used</translation>
    </message>
    <message>
        <source>{0} is missing</source>
        <translation>{0} is missing</translation>
    </message>
    <message>
        <source>{0} variable {1} has shape {2}, expected {3}</source>
        <translation>{0} variable {1} has shape {2}, expected {3}</translation>
    </message>
    <message>
        <source>{0} has more variables than this GAN</source>
        <translation>{0} has more variables than this GAN</translation>
    </message>
    <message>
        <source>Cannot save {0}: the folder &apos;{1}&apos; does not exist.</source>
        <translation>Cannot save {0}: the folder &apos;{1}&apos; does not exist.</translation>
    </message>
    <message>
        <source>Cannot save {0}: permission denied.</source>
        <translation>Cannot save {0}: permission denied.</translation>
    </message>
    <message>
        <source>Cannot save {0} ({1}).</source>
        <translation>Cannot save {0} ({1}).</translation>
    </message>
    <message>
        <source>drawing the graph&apos;s thumbnails</source>
        <translation>drawing the graph&apos;s thumbnails</translation>
    </message>
    <message>
        <source>{0} is a TIFF in a form neurolab cannot decode (an unusual compression); save it as PNG or JPEG.</source>
        <translation>{0} is a TIFF in a form neurolab cannot decode (an unusual compression); save it as PNG or JPEG.</translation>
    </message>
    <message>
        <source>{0} is a vector drawing (SVG), not a picture of pixels; export it as PNG.</source>
        <translation>{0} is a vector drawing (SVG), not a picture of pixels; export it as PNG.</translation>
    </message>
    <message>
        <source>{0} is a HEIC photo, which neurolab cannot read; save it as JPEG.</source>
        <translation>{0} is a HEIC photo, which neurolab cannot read; save it as JPEG.</translation>
    </message>
    <message>
        <source>{0} is not an image neurolab can read (supported: {1}).</source>
        <translation>{0} is not an image neurolab can read (supported: {1}).</translation>
    </message>
    <message>
        <source>{0} is empty (0 bytes).</source>
        <translation>{0} is empty (0 bytes).</translation>
    </message>
    <message>
        <source>{0} is a folder, not an image file.</source>
        <translation>{0} is a folder, not an image file.</translation>
    </message>
    <message>
        <source>{0} was not found.</source>
        <translation>{0} was not found.</translation>
    </message>
    <message>
        <source>{0} cannot be opened ({1}).</source>
        <translation>{0} cannot be opened ({1}).</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>system error</source>
        <translation>system error</translation>
    </message>
    <message>
        <source>{0} has no pixels ({1}×{2}).</source>
        <translation>{0} has no pixels ({1}×{2}).</translation>
    </message>
    <message>
        <source>{0} is too large: {1}×{2} pixels is more than the {3} megapixel limit.</source>
        <translation>{0} is too large: {1}×{2} pixels is more than the {3} megapixel limit.</translation>
    </message>
    <message>
        <source>{0} is too large: {1} megapixels is more than the {2} megapixel limit.</source>
        <translation>{0} is too large: {1} megapixels is more than the {2} megapixel limit.</translation>
    </message>
    <message>
        <source>{0} is too large: {1} megapixels is more than the limit.</source>
        <translation>{0} is too large: {1} megapixels is more than the limit.</translation>
    </message>
    <message>
        <source>{0} is too large: the image is more than the {1} megapixel limit.</source>
        <translation>{0} is too large: the image is more than the {1} megapixel limit.</translation>
    </message>
    <message>
        <source>{0} is too large: the image is more than the limit.</source>
        <translation>{0} is too large: the image is more than the limit.</translation>
    </message>
    <message>
        <source>{0} is damaged or incomplete (the file ends too early).</source>
        <translation>{0} is damaged or incomplete (the file ends too early).</translation>
    </message>
    <message>
        <source>{0} is damaged or incomplete.</source>
        <translation>{0} is damaged or incomplete.</translation>
    </message>
    <message>
        <source>{0} uses the colour mode {1}, which neurolab cannot show.</source>
        <translation>{0} uses the colour mode {1}, which neurolab cannot show.</translation>
    </message>
    <message>
        <source>Cannot save {0}: the name must end in .png, .jpg or .jpeg.</source>
        <translation>Cannot save {0}: the name must end in .png, .jpg or .jpeg.</translation>
    </message>
    <message>
        <source>The model has no layer called {0}.</source>
        <translation>The model has no layer called {0}.</translation>
    </message>
    <message>
        <source>{0}: needs the model&apos;s input size, so the image was resized to {1}×{2} for it.</source>
        <translation>{0}: needs the model&apos;s input size, so the image was resized to {1}×{2} for it.</translation>
    </message>
    <message>
        <source>{0} could not be computed: {1}</source>
        <translation>{0} could not be computed: {1}</translation>
    </message>
    <message>
        <source>The image was scaled down to {0} ({1}×{2} → {3}×{4}) to keep its activations within the {5} MiB memory budget.</source>
        <translation>The image was scaled down to {0} ({1}×{2} → {3}×{4}) to keep its activations within the {5} MiB memory budget.</translation>
    </message>
    <message>
        <source>The image ({0}×{1}) is too small to pass through every layer at its own size, so the model&apos;s input size was used.</source>
        <translation>The image ({0}×{1}) is too small to pass through every layer at its own size, so the model&apos;s input size was used.</translation>
    </message>
    <message>
        <source>{0} cannot run in TensorFlow&apos;s traced pass for images of any size ({1}), so neurolab computed {2} one layer at a time at the image&apos;s own size, {3}×{4}.</source>
        <translation>{0} cannot run in TensorFlow&apos;s traced pass for images of any size ({1}), so neurolab computed {2} one layer at a time at the image&apos;s own size, {3}×{4}.</translation>
    </message>
    <message>
        <source>computing activations</source>
        <translation>computing activations</translation>
    </message>
    <message>
        <source>tiling channels</source>
        <translation>tiling channels</translation>
    </message>
    <message>
        <source>activations ready</source>
        <translation>activations ready</translation>
    </message>
    <message>
        <source>{0} greyscale images</source>
        <translation>{0} greyscale images</translation>
    </message>
    <message>
        <source>{0} layer needs the model&apos;s native input size ({1}): {2}</source>
        <translation>{0} layer needs the model&apos;s native input size ({1}): {2}</translation>
    </message>
    <message>
        <source>{0} layers need the model&apos;s native input size ({1}): {2}</source>
        <translation>{0} layers need the model&apos;s native input size ({1}): {2}</translation>
    </message>
    <message>
        <source>nested network with {0} layer</source>
        <translation>nested network with {0} layer</translation>
    </message>
    <message>
        <source>nested network with {0} layers</source>
        <translation>nested network with {0} layers</translation>
    </message>
    <message>
        <source>{0} with {1}</source>
        <translation>{0} with {1}</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Clipped ReLU</source>
        <translation>Clipped ReLU</translation>
    </message>
    <message>
        <source>Clipped ReLU with ceiling {0}</source>
        <translation>Clipped ReLU with ceiling {0}</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Hyperbolic tangent</source>
        <translation>Hyperbolic tangent</translation>
    </message>
    <message>
        <source>Swish</source>
        <translation>Swish</translation>
    </message>
    <message>
        <source>swish</source>
        <translation>swish</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>identity</translation>
    </message>
    <message>
        <source>{0} feature</source>
        <translation>{0} feature</translation>
    </message>
    <message>
        <source>{0} features</source>
        <translation>{0} features</translation>
    </message>
    <message>
        <source>Sequence input with {0} dimension</source>
        <translation>Sequence input with {0} dimension</translation>
    </message>
    <message>
        <source>Sequence input with {0} dimensions</source>
        <translation>Sequence input with {0} dimensions</translation>
    </message>
    <message>
        <source>{0} images</source>
        <translation>{0} images</translation>
    </message>
    <message>
        <source>{0} groups of {1} {2} convolutions with stride {3}{4} and padding {5}{6}</source>
        <translation>{0} groups of {1} {2} convolutions with stride {3}{4} and padding {5}{6}</translation>
    </message>
    <message>
        <source>{0} {1} convolutions with stride {2}{3} and padding {4}{5}</source>
        <translation>{0} {1} convolutions with stride {2}{3} and padding {4}{5}</translation>
    </message>
    <message>
        <source>, dilation {0}</source>
        <translation>, dilation {0}</translation>
    </message>
    <message>
        <source>{0} groups of {1} {2} convolutions, then {3} {4} convolutions, with stride {5}{6} and padding {7}{8}</source>
        <translation>{0} groups of {1} {2} convolutions, then {3} {4} convolutions, with stride {5}{6} and padding {7}{8}</translation>
    </message>
    <message>
        <source>{0} {1} transposed convolutions with stride {2} and cropping {3}{4}</source>
        <translation>{0} {1} transposed convolutions with stride {2} and cropping {3}{4}</translation>
    </message>
    <message>
        <source>{0} fully connected layer{1}</source>
        <translation>{0} fully connected layer{1}</translation>
    </message>
    <message>
        <source>Leaky ReLU with scale {0}</source>
        <translation>Leaky ReLU with scale {0}</translation>
    </message>
    <message>
        <source>Leaky ReLU with scale {0} and ceiling {1}</source>
        <translation>Leaky ReLU with scale {0} and ceiling {1}</translation>
    </message>
    <message>
        <source>ELU with alpha {0}</source>
        <translation>ELU with alpha {0}</translation>
    </message>
    <message>
        <source>{0} max pooling with stride {1} and padding {2}</source>
        <translation>{0} max pooling with stride {1} and padding {2}</translation>
    </message>
    <message>
        <source>{0} average pooling with stride {1} and padding {2}</source>
        <translation>{0} average pooling with stride {1} and padding {2}</translation>
    </message>
    <message>
        <source>Global max pooling</source>
        <translation>Global max pooling</translation>
    </message>
    <message>
        <source>Global average pooling</source>
        <translation>Global average pooling</translation>
    </message>
    <message>
        <source>Batch normalization with {0} channel</source>
        <translation>Batch normalization with {0} channel</translation>
    </message>
    <message>
        <source>Batch normalization with {0} channels</source>
        <translation>Batch normalization with {0} channels</translation>
    </message>
    <message>
        <source>Layer normalization with {0} channel</source>
        <translation>Layer normalization with {0} channel</translation>
    </message>
    <message>
        <source>Layer normalization with {0} channels</source>
        <translation>Layer normalization with {0} channels</translation>
    </message>
    <message>
        <source>Group normalization with {0} groups of {1} channel</source>
        <translation>Group normalization with {0} groups of {1} channel</translation>
    </message>
    <message>
        <source>Group normalization with {0} groups of {1} channels</source>
        <translation>Group normalization with {0} groups of {1} channels</translation>
    </message>
    <message>
        <source>{0}% dropout</source>
        <translation>{0}% dropout</translation>
    </message>
    <message>
        <source>Reshape to {0}</source>
        <translation>Reshape to {0}</translation>
    </message>
    <message>
        <source>Depth concatenation of {0} inputs</source>
        <translation>Depth concatenation of {0} inputs</translation>
    </message>
    <message>
        <source>Concatenation of {0} inputs along dimension {1}</source>
        <translation>Concatenation of {0} inputs along dimension {1}</translation>
    </message>
    <message>
        <source>padding {0}</source>
        <translation>padding {0}</translation>
    </message>
    <message>
        <source>cropping {0}</source>
        <translation>cropping {0}</translation>
    </message>
    <message>
        <source>scale {0}, offset {1}</source>
        <translation>scale {0}, offset {1}</translation>
    </message>
    <message>
        <source>Resize to {0}x{1} ({2})</source>
        <translation>Resize to {0}x{1} ({2})</translation>
    </message>
    <message>
        <source>{0} upsampling ({1})</source>
        <translation>{0} upsampling ({1})</translation>
    </message>
    <message>
        <source>Permute dimensions to {0}</source>
        <translation>Permute dimensions to {0}</translation>
    </message>
    <message>
        <source>nested network</source>
        <translation>nested network</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>Element-wise addition of {0} inputs</source>
        <translation>Element-wise addition of {0} inputs</translation>
    </message>
    <message>
        <source>Element-wise subtraction of {0} inputs</source>
        <translation>Element-wise subtraction of {0} inputs</translation>
    </message>
    <message>
        <source>Element-wise multiplication of {0} inputs</source>
        <translation>Element-wise multiplication of {0} inputs</translation>
    </message>
    <message>
        <source>Element-wise average of {0} inputs</source>
        <translation>Element-wise average of {0} inputs</translation>
    </message>
    <message>
        <source>Element-wise maximum of {0} inputs</source>
        <translation>Element-wise maximum of {0} inputs</translation>
    </message>
    <message>
        <source>Element-wise minimum of {0} inputs</source>
        <translation>Element-wise minimum of {0} inputs</translation>
    </message>
    <message>
        <source>Mean and variance normalization</source>
        <translation>Mean and variance normalization</translation>
    </message>
    <message>
        <source>{0} is outside the class folder; on this classroom PC only files from that folder can be opened.</source>
        <translation>{0} is outside the class folder; on this classroom PC only files from that folder can be opened.</translation>
    </message>
    <message>
        <source>{0} cannot be saved there; on this classroom PC results are saved only in the class output folder.</source>
        <translation>{0} cannot be saved there; on this classroom PC results are saved only in the class output folder.</translation>
    </message>
    <message>
        <source>The kiosk output folder &apos;{0}&apos; cannot be created ({1}); ask the administrator to fix {2}.</source>
        <translation>The kiosk output folder &apos;{0}&apos; cannot be created ({1}); ask the administrator to fix {2}.</translation>
    </message>
    <message>
        <source>untrained — ImageNet weights not downloaded</source>
        <translation>untrained — ImageNet weights not downloaded</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>assumed</translation>
    </message>
    <message>
        <source>from the file: it rescales inside</source>
        <translation>from the file: it rescales inside</translation>
    </message>
    <message>
        <source>from the file: a Teachable Machine export</source>
        <translation>from the file: a Teachable Machine export</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>set by you</translation>
    </message>
    <message>
        <source>raw 0-255 pixels</source>
        <translation>raw 0-255 pixels</translation>
    </message>
    <message>
        <source>pixels scaled to [0, 1]</source>
        <translation>pixels scaled to [0, 1]</translation>
    </message>
    <message>
        <source>pixels scaled to [-1, 1]</source>
        <translation>pixels scaled to [-1, 1]</translation>
    </message>
    <message>
        <source>BGR, ImageNet mean subtracted (&apos;caffe&apos;)</source>
        <translation>BGR, ImageNet mean subtracted (&apos;caffe&apos;)</translation>
    </message>
    <message>
        <source>The mean must be one number or three (R, G, B), for example {0}.</source>
        <translation>The mean must be one number or three (R, G, B), for example {0}.</translation>
    </message>
    <message>
        <source>The standard deviation must be one number or three (R, G, B), for example {0}.</source>
        <translation>The standard deviation must be one number or three (R, G, B), for example {0}.</translation>
    </message>
    <message>
        <source>Unknown precision {0}; choose one of {1}.</source>
        <translation>Unknown precision {0}; choose one of {1}.</translation>
    </message>
    <message>
        <source>{0} cannot take pictures of {1}×{1} pixels; pick a larger picture size.</source>
        <translation>{0} cannot take pictures of {1}×{1} pixels; pick a larger picture size.</translation>
    </message>
    <message>
        <source>{0} is not a backbone neurolab knows ({1}).</source>
        <translation>{0} is not a backbone neurolab knows ({1}).</translation>
    </message>
    <message>
        <source>The ImageNet weights of {0} are not downloaded; fetch them with &apos;neurolab models fetch {1}&apos; or pick another backbone.</source>
        <translation>The ImageNet weights of {0} are not downloaded; fetch them with &apos;neurolab models fetch {1}&apos; or pick another backbone.</translation>
    </message>
    <message>
        <source>The validation share must be above 0 and below 1 (0.2 holds out a fifth), not {0}.</source>
        <translation>The validation share must be above 0 and below 1 (0.2 holds out a fifth), not {0}.</translation>
    </message>
    <message>
        <source>A network from scratch trains all its layers already; fine-tuning needs a pretrained backbone.</source>
        <translation>A network from scratch trains all its layers already; fine-tuning needs a pretrained backbone.</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>The learning rate</translation>
    </message>
    <message>
        <source>The patience (epochs)</source>
        <translation>The patience (epochs)</translation>
    </message>
    <message>
        <source>{0} has pictures of only one class ({1}); a classifier needs at least two class folders.</source>
        <translation>{0} has pictures of only one class ({1}); a classifier needs at least two class folders.</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder of class folders.</source>
        <translation>{0} is a file, not a folder of class folders.</translation>
    </message>
    <message>
        <source>{0} has no class folders: put each class&apos;s pictures in a folder of its own inside it (for example pets/cat and pets/dog).</source>
        <translation>{0} has no class folders: put each class&apos;s pictures in a folder of its own inside it (for example pets/cat and pets/dog).</translation>
    </message>
    <message>
        <source>{0} has no pictures neurolab can read in its class folders.</source>
        <translation>{0} has no pictures neurolab can read in its class folders.</translation>
    </message>
    <message>
        <source>The folder {0} has no pictures and is left out.</source>
        <translation>The folder {0} has no pictures and is left out.</translation>
    </message>
    <message>
        <source>The class {0} has only {1} pictures; at least {2} give a fairer result.</source>
        <translation>The class {0} has only {1} pictures; at least {2} give a fairer result.</translation>
    </message>
    <message>
        <source>The classes are unbalanced: {0} has {1} pictures, {2} only {3}; the network may learn to favour {0}.</source>
        <translation>The classes are unbalanced: {0} has {1} pictures, {2} only {3}; the network may learn to favour {0}.</translation>
    </message>
    <message>
        <source>The test folder {0} has a class the training folder has not: {1}.</source>
        <translation>The test folder {0} has a class the training folder has not: {1}.</translation>
    </message>
    <message>
        <source>{0}: a trained model is saved as a .keras file.</source>
        <translation>{0}: a trained model is saved as a .keras file.</translation>
    </message>
    <message>
        <source>Cannot save {0}: the folder {1} does not exist.</source>
        <translation>Cannot save {0}: the folder {1} does not exist.</translation>
    </message>
    <message>
        <source>computing features</source>
        <translation>computing features</translation>
    </message>
    <message>
        <source>reading pictures</source>
        <translation>reading pictures</translation>
    </message>
    <message>
        <source>training</source>
        <translation>training</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>evaluating</translation>
    </message>
    <message>
        <source>changing the preprocessing</source>
        <translation>changing the preprocessing</translation>
    </message>
    <message>
        <source>scaled to [0, 1], ImageNet mean/std (&apos;torch&apos;)</source>
        <translation>scaled to [0, 1], ImageNet mean/std (&apos;torch&apos;)</translation>
    </message>
    <message>
        <source>neurolab shapes (bundled)</source>
        <translation>neurolab shapes (bundled)</translation>
    </message>
    <message>
        <source>{0} cannot look at an image: {1}</source>
        <translation>{0} cannot look at an image: {1}</translation>
    </message>
    <message>
        <source>{0} normalization</source>
        <translation>{0} normalization</translation>
    </message>
    <message>
        <source>reading {0}</source>
        <translation>reading {0}</translation>
    </message>
    <message>
        <source>{0} is neither a model name ({1}) nor a model file (.keras, .h5).</source>
        <translation>{0} is neither a model name ({1}) nor a model file (.keras, .h5).</translation>
    </message>
    <message>
        <source>The bundled model is missing from this installation; reinstall neurolab.</source>
        <translation>The bundled model is missing from this installation; reinstall neurolab.</translation>
    </message>
    <message>
        <source>The cached ImageNet weights for {0} (&apos;{1}&apos;) cannot be read; delete the file and fetch them again.</source>
        <translation>The cached ImageNet weights for {0} (&apos;{1}&apos;) cannot be read; delete the file and fetch them again.</translation>
    </message>
    <message>
        <source>{0} holds weights only, not a whole model.</source>
        <translation>{0} holds weights only, not a whole model.</translation>
    </message>
    <message>
        <source>{0} contains a Lambda layer, which can run arbitrary code; neurolab opens models in Keras&apos;s safe mode and will not load it.</source>
        <translation>{0} contains a Lambda layer, which can run arbitrary code; neurolab opens models in Keras&apos;s safe mode and will not load it.</translation>
    </message>
    <message>
        <source>{0} uses a custom layer neurolab does not know, so it cannot be rebuilt here.</source>
        <translation>{0} uses a custom layer neurolab does not know, so it cannot be rebuilt here.</translation>
    </message>
    <message>
        <source>{0} is damaged or not a Keras model ({1}).</source>
        <translation>{0} is damaged or not a Keras model ({1}).</translation>
    </message>
    <message>
        <source>a .keras file must be a zip archive</source>
        <translation>a .keras file must be a zip archive</translation>
    </message>
    <message>
        <source>an .h5 file must be HDF5</source>
        <translation>an .h5 file must be HDF5</translation>
    </message>
    <message>
        <source>{0} holds weights only or is incomplete, not a whole Keras model.</source>
        <translation>{0} holds weights only or is incomplete, not a whole Keras model.</translation>
    </message>
    <message>
        <source>{0} could not be loaded as a Keras model ({1}).</source>
        <translation>{0} could not be loaded as a Keras model ({1}).</translation>
    </message>
    <message>
        <source>{0} names {1} classes but the model has {2} outputs, so its names are not used.</source>
        <translation>{0} names {1} classes but the model has {2} outputs, so its names are not used.</translation>
    </message>
    <message>
        <source>a Lambda layer (Python code)</source>
        <translation>a Lambda layer (Python code)</translation>
    </message>
    <message>
        <source>a Python function (Lambda code)</source>
        <translation>a Python function (Lambda code)</translation>
    </message>
    <message>
        <source>a TFSMLayer (a TensorFlow SavedModel loaded from elsewhere)</source>
        <translation>a TFSMLayer (a TensorFlow SavedModel loaded from elsewhere)</translation>
    </message>
    <message>
        <source>a TorchModuleWrapper (PyTorch code)</source>
        <translation>a TorchModuleWrapper (PyTorch code)</translation>
    </message>
    <message>
        <source>a JaxLayer (JAX code)</source>
        <translation>a JaxLayer (JAX code)</translation>
    </message>
    <message>
        <source>a FlaxLayer (Flax code)</source>
        <translation>a FlaxLayer (Flax code)</translation>
    </message>
    <message>
        <source>it is larger than {0}</source>
        <translation>it is larger than {0}</translation>
    </message>
    <message>
        <source>{0} was refused: {1}.</source>
        <translation>{0} was refused: {1}.</translation>
    </message>
    <message>
        <source>{0} is a folder, not a model file.</source>
        <translation>{0} is a folder, not a model file.</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket), so neurolab will not read it</source>
        <translation>it is not a regular file (a device, pipe or socket), so neurolab will not read it</translation>
    </message>
    <message>
        <source>{0} is not a model file neurolab can open (.keras or .h5).</source>
        <translation>{0} is not a model file neurolab can open (.keras or .h5).</translation>
    </message>
    <message>
        <source>it is an empty zip archive</source>
        <translation>it is an empty zip archive</translation>
    </message>
    <message>
        <source>its zip archive cannot be read</source>
        <translation>its zip archive cannot be read</translation>
    </message>
    <message>
        <source>its archive holds {0} files, more than a Keras model ever has</source>
        <translation>its archive holds {0} files, more than a Keras model ever has</translation>
    </message>
    <message>
        <source>its archive holds two files with the same name</source>
        <translation>its archive holds two files with the same name</translation>
    </message>
    <message>
        <source>its archive holds a file named &apos;{0}&apos;, which points outside the archive</source>
        <translation>its archive holds a file named &apos;{0}&apos;, which points outside the archive</translation>
    </message>
    <message>
        <source>its archive holds &apos;{0}&apos;, which a Keras model file never has</source>
        <translation>its archive holds &apos;{0}&apos;, which a Keras model file never has</translation>
    </message>
    <message>
        <source>it would unpack to {0}, more than neurolab allows ({1})</source>
        <translation>it would unpack to {0}, more than neurolab allows ({1})</translation>
    </message>
    <message>
        <source>it is a zip bomb ({0} that would unpack to {1})</source>
        <translation>it is a zip bomb ({0} that would unpack to {1})</translation>
    </message>
    <message>
        <source>the archive has no model configuration</source>
        <translation>the archive has no model configuration</translation>
    </message>
    <message>
        <source>the archive has no metadata.json</source>
        <translation>the archive has no metadata.json</translation>
    </message>
    <message>
        <source>its {0} is {1}, more than neurolab allows ({2})</source>
        <translation>its {0} is {1}, more than neurolab allows ({2})</translation>
    </message>
    <message>
        <source>its {0} is larger than neurolab allows ({1})</source>
        <translation>its {0} is larger than neurolab allows ({1})</translation>
    </message>
    <message>
        <source>its weights are not HDF5</source>
        <translation>its weights are not HDF5</translation>
    </message>
    <message>
        <source>its weights cannot be read</source>
        <translation>its weights cannot be read</translation>
    </message>
    <message>
        <source>its HDF5 structure cannot be read</source>
        <translation>its HDF5 structure cannot be read</translation>
    </message>
    <message>
        <source>its model configuration is larger than neurolab allows ({0})</source>
        <translation>its model configuration is larger than neurolab allows ({0})</translation>
    </message>
    <message>
        <source>it holds more than {0} HDF5 objects</source>
        <translation>it holds more than {0} HDF5 objects</translation>
    </message>
    <message>
        <source>it links to another file (&apos;{0}&apos;), which neurolab never follows</source>
        <translation>it links to another file (&apos;{0}&apos;), which neurolab never follows</translation>
    </message>
    <message>
        <source>it holds a link (&apos;{0}&apos;), which Keras never writes</source>
        <translation>it holds a link (&apos;{0}&apos;), which Keras never writes</translation>
    </message>
    <message>
        <source>it holds a virtual dataset, which reads data from other files</source>
        <translation>it holds a virtual dataset, which reads data from other files</translation>
    </message>
    <message>
        <source>it holds a dataset stored in another file, which neurolab never reads</source>
        <translation>it holds a dataset stored in another file, which neurolab never reads</translation>
    </message>
    <message>
        <source>its weights would need {0}, more than neurolab allows ({1})</source>
        <translation>its weights would need {0}, more than neurolab allows ({1})</translation>
    </message>
    <message>
        <source>its model configuration is not text</source>
        <translation>its model configuration is not text</translation>
    </message>
    <message>
        <source>its model configuration is not valid JSON</source>
        <translation>its model configuration is not valid JSON</translation>
    </message>
    <message>
        <source>its model configuration describes no model</source>
        <translation>its model configuration describes no model</translation>
    </message>
    <message>
        <source>its model configuration is nested too deeply</source>
        <translation>its model configuration is nested too deeply</translation>
    </message>
    <message>
        <source>its model configuration has an unnamed part</source>
        <translation>its model configuration has an unnamed part</translation>
    </message>
    <message>
        <source>its model configuration has a part with no module</source>
        <translation>its model configuration has a part with no module</translation>
    </message>
    <message>
        <source>it contains {0}, which neurolab never runs (models open in Keras&apos;s safe mode)</source>
        <translation>it contains {0}, which neurolab never runs (models open in Keras&apos;s safe mode)</translation>
    </message>
    <message>
        <source>it contains a {0} layer, which can read other files on this computer; neurolab opens image models only</source>
        <translation>it contains a {0} layer, which can read other files on this computer; neurolab opens image models only</translation>
    </message>
    <message>
        <source>it uses &apos;{0}&apos; from &apos;{1}&apos;, code outside Keras that neurolab never runs</source>
        <translation>it uses &apos;{0}&apos; from &apos;{1}&apos;, code outside Keras that neurolab never runs</translation>
    </message>
    <message>
        <source>it uses a custom part (&apos;{0}&apos;) from the package &apos;{1}&apos;, which is not Keras; neurolab only rebuilds Keras&apos;s own layers</source>
        <translation>it uses a custom part (&apos;{0}&apos;) from the package &apos;{1}&apos;, which is not Keras; neurolab only rebuilds Keras&apos;s own layers</translation>
    </message>
    <message>
        <source>it calls the function &apos;{0}&apos;, which is not a Keras activation; neurolab never runs other functions</source>
        <translation>it calls the function &apos;{0}&apos;, which is not a Keras activation; neurolab never runs other functions</translation>
    </message>
    <message>
        <source>it uses &apos;{0}&apos; from Python&apos;s builtins, which neurolab never runs</source>
        <translation>it uses &apos;{0}&apos; from Python&apos;s builtins, which neurolab never runs</translation>
    </message>
    <message>
        <source>it uses &apos;{0}&apos;, which is not one of the Keras layers neurolab rebuilds (a custom layer or a Keras function)</source>
        <translation>it uses &apos;{0}&apos;, which is not one of the Keras layers neurolab rebuilds (a custom layer or a Keras function)</translation>
    </message>
    <message>
        <source>its &apos;{0}&apos; is registered as &apos;{1}&apos;, which is not Keras&apos;s own</source>
        <translation>its &apos;{0}&apos; is registered as &apos;{1}&apos;, which is not Keras&apos;s own</translation>
    </message>
    <message>
        <source>The model takes {0} inputs, not one image.</source>
        <translation>The model takes {0} inputs, not one image.</translation>
    </message>
    <message>
        <source>The model takes sequences ({0} steps × {1} values), not images.</source>
        <translation>The model takes sequences ({0} steps × {1} values), not images.</translation>
    </message>
    <message>
        <source>The model takes vectors of {0} numbers, not images.</source>
        <translation>The model takes vectors of {0} numbers, not images.</translation>
    </message>
    <message>
        <source>The model&apos;s input has shape {0}, not an image (height × width × 1 or 3 channels).</source>
        <translation>The model&apos;s input has shape {0}, not an image (height × width × 1 or 3 channels).</translation>
    </message>
    <message>
        <source>The model is not a classifier: its output is a map ({0}), not a score per class.</source>
        <translation>The model is not a classifier: its output is a map ({0}), not a score per class.</translation>
    </message>
    <message>
        <source>The model is not a classifier: none of its outputs ({0}) is a score per class.</source>
        <translation>The model is not a classifier: none of its outputs ({0}) is a score per class.</translation>
    </message>
    <message>
        <source>The model has no output {0}; its outputs are {1}.</source>
        <translation>The model has no output {0}; its outputs are {1}.</translation>
    </message>
    <message>
        <source>The output {0} cannot classify: it is not a score per class ({1}).</source>
        <translation>The output {0} cannot classify: it is not a score per class ({1}).</translation>
    </message>
    <message>
        <source>Class {0} does not exist: the model has {1} classes (0–{2}).</source>
        <translation>Class {0} does not exist: the model has {1} classes (0–{2}).</translation>
    </message>
    <message>
        <source>No class called {0}. Did you mean {1}? The model knows these {2} classes: {3}.</source>
        <translation>No class called {0}. Did you mean {1}? The model knows these {2} classes: {3}.</translation>
    </message>
    <message>
        <source>No class called {0}. The model knows these {1} classes: {2}.</source>
        <translation>No class called {0}. The model knows these {1} classes: {2}.</translation>
    </message>
    <message>
        <source>No class called {0}. Did you mean {1}?</source>
        <translation>No class called {0}. Did you mean {1}?</translation>
    </message>
    <message>
        <source>No class called {0}.</source>
        <translation>No class called {0}.</translation>
    </message>
    <message>
        <source>{0} is not torchvision&apos;s SqueezeNet 1.1: it has no weights for {1}.</source>
        <translation>{0} is not torchvision&apos;s SqueezeNet 1.1: it has no weights for {1}.</translation>
    </message>
    <message>
        <source>{0} is not torchvision&apos;s SqueezeNet 1.1: {1} has weights of shape {2}, not {3}.</source>
        <translation>{0} is not torchvision&apos;s SqueezeNet 1.1: {1} has weights of shape {2}, not {3}.</translation>
    </message>
    <message>
        <source>{0} is damaged: {1}&apos;s weights are not all numbers.</source>
        <translation>{0} is damaged: {1}&apos;s weights are not all numbers.</translation>
    </message>
    <message>
        <source>{0} is too large for a weights file ({1} MB).</source>
        <translation>{0} is too large for a weights file ({1} MB).</translation>
    </message>
    <message>
        <source>{0} is not a PyTorch weights file.</source>
        <translation>{0} is not a PyTorch weights file.</translation>
    </message>
    <message>
        <source>{0} is not a plain PyTorch weights file: it asks to run {1}, so neurolab does not read it.</source>
        <translation>{0} is not a plain PyTorch weights file: it asks to run {1}, so neurolab does not read it.</translation>
    </message>
    <message>
        <source>{0} is damaged or not a PyTorch weights file.</source>
        <translation>{0} is damaged or not a PyTorch weights file.</translation>
    </message>
    <message>
        <source>{0} was saved on a big-endian computer; neurolab reads little-endian files only.</source>
        <translation>{0} was saved on a big-endian computer; neurolab reads little-endian files only.</translation>
    </message>
    <message>
        <source>{0} was saved by a PyTorch version neurolab cannot read.</source>
        <translation>{0} was saved by a PyTorch version neurolab cannot read.</translation>
    </message>
    <message>
        <source>{0} holds no weights (not a PyTorch state_dict).</source>
        <translation>{0} holds no weights (not a PyTorch state_dict).</translation>
    </message>
    <message>
        <source>RGB, ImageNet mean subtracted (&apos;zerocenter&apos;)</source>
        <translation>RGB, ImageNet mean subtracted (&apos;zerocenter&apos;)</translation>
    </message>
    <message>
        <source>(x − 127.5) / 128, as MTCNN</source>
        <translation>(x − 127.5) / 128, as MTCNN</translation>
    </message>
    <message>
        <source>The standard deviation must be greater than 0.</source>
        <translation>The standard deviation must be greater than 0.</translation>
    </message>
    <message>
        <source>(x − mean) / std with mean {0} and std {1}</source>
        <translation>(x − mean) / std with mean {0} and std {1}</translation>
    </message>
    <message>
        <source>{0} is not a custom preprocessing: write {1}, MEAN and STD each one number or three (R,G,B) in 0-255 pixel units, for example {2}.</source>
        <translation>{0} is not a custom preprocessing: write {1}, MEAN and STD each one number or three (R,G,B) in 0-255 pixel units, for example {2}.</translation>
    </message>
    <message>
        <source>{0} is not a preprocessing; choose one of: {1}.</source>
        <translation>{0} is not a preprocessing; choose one of: {1}.</translation>
    </message>
    <message>
        <source>{0} works on the three colour channels; this model takes {1}-channel images.</source>
        <translation>{0} works on the three colour channels; this model takes {1}-channel images.</translation>
    </message>
    <message>
        <source>its {0} &apos;{1}&apos; has groups={2}, which Keras 3 cannot build</source>
        <translation>its {0} &apos;{1}&apos; has groups={2}, which Keras 3 cannot build</translation>
    </message>
    <message>
        <source>its BatchNormalization &apos;{0}&apos; normalises over several axes, which Keras 3 cannot build</source>
        <translation>its BatchNormalization &apos;{0}&apos; normalises over several axes, which Keras 3 cannot build</translation>
    </message>
    <message>
        <source>{0}: already in the cache</source>
        <translation>{0}: already in the cache</translation>
    </message>
    <message>
        <source>Cannot write to the weights folder &apos;{0}&apos;: {1}.</source>
        <translation>Cannot write to the weights folder &apos;{0}&apos;: {1}.</translation>
    </message>
    <message>
        <source>converting {0}</source>
        <translation>converting {0}</translation>
    </message>
    <message>
        <source>connecting for {0}</source>
        <translation>connecting for {0}</translation>
    </message>
    <message>
        <source>downloading {0} ({1}/{2} MB)</source>
        <translation>downloading {0} ({1}/{2} MB)</translation>
    </message>
    <message>
        <source>verifying {0}</source>
        <translation>verifying {0}</translation>
    </message>
    <message>
        <source>The downloaded weights for {0} are damaged (their checksum does not match); please try again.</source>
        <translation>The downloaded weights for {0} are damaged (their checksum does not match); please try again.</translation>
    </message>
    <message>
        <source>The downloaded weights for {0} cannot be used: {1}</source>
        <translation>The downloaded weights for {0} cannot be used: {1}</translation>
    </message>
    <message>
        <source>{0}: converted</source>
        <translation>{0}: converted</translation>
    </message>
    <message>
        <source>Could not download the ImageNet weights for {0} ({1}). Without a network connection, copy &apos;{2}&apos; from a PC that has it into &apos;{3}&apos;.</source>
        <translation>Could not download the ImageNet weights for {0} ({1}). Without a network connection, copy &apos;{2}&apos; from a PC that has it into &apos;{3}&apos;.</translation>
    </message>
    <message>
        <source>The VGG19 ImageNet weights are not cached; fetch them with &apos;neurolab models fetch vgg19&apos;.</source>
        <translation>The VGG19 ImageNet weights are not cached; fetch them with &apos;neurolab models fetch vgg19&apos;.</translation>
    </message>
    <message>
        <source>VGG19 (ImageNet weights)</source>
        <translation>VGG19 (ImageNet weights)</translation>
    </message>
    <message>
        <source>random multi-scale filters (seed {0}, offline)</source>
        <translation>random multi-scale filters (seed {0}, offline)</translation>
    </message>
    <message>
        <source>{0}&apos;s convolutional layers</source>
        <translation>{0}&apos;s convolutional layers</translation>
    </message>
    <message>
        <source>the bundled shapes model&apos;s convolutional layers (offline)</source>
        <translation>the bundled shapes model&apos;s convolutional layers (offline)</translation>
    </message>
    <message>
        <source>preparing the backbone</source>
        <translation>preparing the backbone</translation>
    </message>
    <message>
        <source>styling at {0}×{1} px</source>
        <translation>styling at {0}×{1} px</translation>
    </message>
    <message>
        <source>Some files cannot be read as pictures and are left out ({0}).</source>
        <translation>Some files cannot be read as pictures and are left out ({0}).</translation>
    </message>
    <message>
        <source>fine-tuning the last block</source>
        <translation>fine-tuning the last block</translation>
    </message>
    <message>
        <source>loading TensorFlow</source>
        <translation>loading TensorFlow</translation>
    </message>
    <message>
        <source>loading {0}</source>
        <translation>loading {0}</translation>
    </message>
    <message>
        <source>tracing layers</source>
        <translation>tracing layers</translation>
    </message>
    <message>
        <source>analysing layers</source>
        <translation>analysing layers</translation>
    </message>
    <message>
        <source>model ready</source>
        <translation>model ready</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <source>View all</source>
        <translation>View all</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Save chart as PNG…</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>Save data as CSV…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>Save data as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>The chart could not be saved to {0}: {1}</source>
        <translation>The chart could not be saved to {0}: {1}</translation>
    </message>
</context>
<context>
    <name>CustomPreprocessingDialog</name>
    <message>
        <source>Custom preprocessing</source>
        <translation>Custom preprocessing</translation>
    </message>
    <message>
        <source>Each pixel value x (0–255) is fed to the network as (x − mean) / std. For example, mean 127.5 and std 127.5 give values in [-1, 1].</source>
        <translation>Each pixel value x (0–255) is fed to the network as (x − mean) / std. For example, mean 127.5 and std 127.5 give values in [-1, 1].</translation>
    </message>
    <message>
        <source>One value for all three channels</source>
        <translation>One value for all three channels</translation>
    </message>
    <message>
        <source>Mean (R, G, B):</source>
        <translation>Mean (R, G, B):</translation>
    </message>
    <message>
        <source>Std (R, G, B):</source>
        <translation>Std (R, G, B):</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <source>Explain</source>
        <comment>button</comment>
        <translation>Explain</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>C&amp;lass:</source>
        <translation>C&amp;lass:</translation>
    </message>
    <message>
        <source>&amp;beside it:</source>
        <translation>&amp;beside it:</translation>
    </message>
    <message>
        <source>Open an image, then press Explain</source>
        <translation>Open an image, then press Explain</translation>
    </message>
    <message>
        <source>How strongly the map covers the photo</source>
        <translation>How strongly the map covers the photo</translation>
    </message>
    <message>
        <source>Cividis (colour-blind safe)</source>
        <translation>Cividis (colour-blind safe)</translation>
    </message>
    <message>
        <source>Ice (black, blue, white)</source>
        <translation>Ice (black, blue, white)</translation>
    </message>
    <message>
        <source>Save result…</source>
        <translation>Save result…</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>&amp;Opacity:</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Colours:</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Grad-CAM++</source>
        <translation>Grad-CAM++</translation>
    </message>
    <message>
        <source>Gradient saliency</source>
        <translation>Gradient saliency</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Occlusion</translation>
    </message>
    <message>
        <source>RISE (random masks)</source>
        <translation>RISE (random masks)</translation>
    </message>
    <message>
        <source>Off: the last layer with a spatial map (the last convolutional stage)</source>
        <translation>Off: the last layer with a spatial map (the last convolutional stage)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Noise:</translation>
    </message>
    <message>
        <source>Noisy copies:</source>
        <translation>Noisy copies:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Grey square:</source>
        <translation>Grey square:</translation>
    </message>
    <message>
        <source>step:</source>
        <translation>step:</translation>
    </message>
    <message>
        <source>Random masks:</source>
        <translation>Random masks:</translation>
    </message>
    <message>
        <source>Explanations need a model that takes one image. {0}</source>
        <translation>Explanations need a model that takes one image. {0}</translation>
    </message>
    <message>
        <source>Explanations need a classifier. {0}</source>
        <translation>Explanations need a classifier. {0}</translation>
    </message>
    <message>
        <source>(the network&apos;s answer)</source>
        <translation>(the network&apos;s answer)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Original photo</source>
        <translation>Original photo</translation>
    </message>
    <message>
        <source>Changed image</source>
        <translation>Changed image</translation>
    </message>
    <message>
        <source> at layer {0}</source>
        <translation> at layer {0}</translation>
    </message>
    <message>
        <source>{0}{1} for &lt;b&gt;{2}&lt;/b&gt; ({3}){4}</source>
        <translation>{0}{1} for &lt;b&gt;{2}&lt;/b&gt; ({3}){4}</translation>
    </message>
    <message>
        <source>Map:</source>
        <translation>Map:</translation>
    </message>
    <message>
        <source>Bright: where the layer&apos;s features raise the class&apos;s score.</source>
        <translation>Bright: where the layer&apos;s features raise the class&apos;s score.</translation>
    </message>
    <message>
        <source>Bright: where the layer&apos;s features raise the class&apos;s score, each place weighted on its own.</source>
        <translation>Bright: where the layer&apos;s features raise the class&apos;s score, each place weighted on its own.</translation>
    </message>
    <message>
        <source>Bright: pixels whose change would change the class&apos;s score most.</source>
        <translation>Bright: pixels whose change would change the class&apos;s score most.</translation>
    </message>
    <message>
        <source>Bright: pixels whose change would change the class&apos;s score most, averaged over noisy copies of the photo.</source>
        <translation>Bright: pixels whose change would change the class&apos;s score most, averaged over noisy copies of the photo.</translation>
    </message>
    <message>
        <source>Bright: covering the place with a grey square lowers the class&apos;s probability most.</source>
        <translation>Bright: covering the place with a grey square lowers the class&apos;s probability most.</translation>
    </message>
    <message>
        <source>Bright: the class is most probable when the place is visible (random masks).</source>
        <translation>Bright: the class is most probable when the place is visible (random masks).</translation>
    </message>
    <message>
        <source>Use the layer chosen in the Network table ({0})</source>
        <translation>Use the layer chosen in the Network table ({0})</translation>
    </message>
    <message>
        <source>Use the layer chosen in the Network table (none chosen)</source>
        <translation>Use the layer chosen in the Network table (none chosen)</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Save result</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>FeatureGridView</name>
    <message>
        <source>Channel {0}. Click to see it large.</source>
        <translation>Channel {0}. Click to see it large.</translation>
    </message>
</context>
<context>
    <name>FeaturesTab</name>
    <message>
        <source>Features</source>
        <translation>Features</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>Which channels or classes: all, or numbers such as 1,2,3 or 1-8 (counted from 1, as the tiles are)</source>
        <translation>Which channels or classes: all, or numbers such as 1,2,3 or 1-8 (counted from 1, as the tiles are)</translation>
    </message>
    <message>
        <source>C&amp;hannels:</source>
        <translation>C&amp;hannels:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Fourier, decorrelated colour</source>
        <translation>Fourier, decorrelated colour</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>Fourier: smooth pictures in natural colours (lucid&apos;s choice); pixels: every pixel on its own, sharper and noisier</source>
        <translation>Fourier: smooth pictures in natural colours (lucid&apos;s choice); pixels: every pixel on its own, sharper and noisier</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>°</source>
        <translation>°</translation>
    </message>
    <message>
        <source>Each step&apos;s size in 0–255 levels</source>
        <translation>Each step&apos;s size in 0–255 levels</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Steps:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Learning rate:</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>Jitter:</source>
        <translation>Jitter:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Scale:</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Rotation:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>The layers whose activations the dream raises, commas between; a layer picked in the tree is put here</source>
        <translation>The layers whose activations the dream raises, commas between; a layer picked in the tree is put here</translation>
    </message>
    <message>
        <source>Octaves:</source>
        <translation>Octaves:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Layers:</translation>
    </message>
    <message>
        <source>Steps per octave:</source>
        <translation>Steps per octave:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Open image…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>← Back to activations</source>
        <translation>← Back to activations</translation>
    </message>
    <message>
        <source>Pick a layer in the tree on the left, then press Start.</source>
        <translation>Pick a layer in the tree on the left, then press Start.</translation>
    </message>
    <message>
        <source>Click a picture to see it large</source>
        <translation>Click a picture to see it large</translation>
    </message>
    <message>
        <source>A layer&apos;s filters</source>
        <translation>A layer&apos;s filters</translation>
    </message>
    <message>
        <source>Class images</source>
        <translation>Class images</translation>
    </message>
    <message>
        <source>Deep dream on the photo</source>
        <translation>Deep dream on the photo</translation>
    </message>
    <message>
        <source>Feature visualisation needs a model that takes one image. {0}</source>
        <translation>Feature visualisation needs a model that takes one image. {0}</translation>
    </message>
    <message>
        <source>Class images need a classifier. {0}</source>
        <translation>Class images need a classifier. {0}</translation>
    </message>
    <message>
        <source>Open a photo first: deep dream changes it.</source>
        <translation>Open a photo first: deep dream changes it.</translation>
    </message>
    <message>
        <source>Pick a layer in the tree on the left first.</source>
        <translation>Pick a layer in the tree on the left first.</translation>
    </message>
    <message>
        <source>Growing…</source>
        <translation>Growing…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Step {0} of {1} (live preview)</source>
        <translation>Step {0} of {1} (live preview)</translation>
    </message>
    <message numerus="yes">
        <source>%n pictures in {0} s.</source>
        <translation>
            <numerusform>%n picture in {0} s.</numerusform>
            <numerusform>%n pictures in {0} s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deep dream with {0}, {1}×{2} px</source>
        <translation>Deep dream with {0}, {1}×{2} px</translation>
    </message>
    <message>
        <source>Dreamt in {0} s.</source>
        <translation>Dreamt in {0} s.</translation>
    </message>
    <message>
        <source>the output neurons (before the softmax)</source>
        <translation>the output neurons (before the softmax)</translation>
    </message>
    <message>
        <source>layer: {0}</source>
        <translation>layer: {0}</translation>
    </message>
    <message>
        <source>layer: pick one in the tree</source>
        <translation>layer: pick one in the tree</translation>
    </message>
    <message>
        <source>Class {0} ({1}): logit {2}</source>
        <translation>Class {0} ({1}): logit {2}</translation>
    </message>
    <message>
        <source>{0}, channel {1}: mean activation {2}</source>
        <translation>{0}, channel {1}: mean activation {2}</translation>
    </message>
    <message>
        <source>Save pictures</source>
        <translation>Save pictures</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Images ({0})</source>
        <translation>Images ({0})</translation>
    </message>
    <message>
        <source>Keras models ({0})</source>
        <translation>Keras models ({0})</translation>
    </message>
</context>
<context>
    <name>GanTab</name>
    <message>
        <source>Press Start: samples from 16 fixed latent vectors appear here as the generator learns</source>
        <translation>Press Start: samples from 16 fixed latent vectors appear here as the generator learns</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated samples&lt;/b&gt;</source>
        <translation>&lt;b&gt;Generated samples&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Latent interpolation</source>
        <translation>Latent interpolation</translation>
    </message>
    <message>
        <source>step</source>
        <translation>step</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Losses</translation>
    </message>
    <message>
        <source>Generator and discriminator loss, once training starts</source>
        <translation>Generator and discriminator loss, once training starts</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>Discriminator&apos;s scores</source>
        <translation>Discriminator&apos;s scores</translation>
    </message>
    <message>
        <source>D(real) and D(fake): how sure the discriminator is</source>
        <translation>D(real) and D(fake): how sure the discriminator is</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Built-in shapes</source>
        <translation>Built-in shapes</translation>
    </message>
    <message>
        <source>Pictures of simple shapes drawn by neurolab (nothing to download), or any folder of images</source>
        <translation>Pictures of simple shapes drawn by neurolab (nothing to download), or any folder of images</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <source>Train on every image in a folder and its subfolders (centre-cropped and resized)</source>
        <translation>Train on every image in a folder and its subfolders (centre-cropped and resized)</translation>
    </message>
    <message>
        <source>No data loaded yet.</source>
        <translation>No data loaded yet.</translation>
    </message>
    <message>
        <source>Show data</source>
        <translation>Show data</translation>
    </message>
    <message>
        <source>Show a grid of training images</source>
        <translation>Show a grid of training images</translation>
    </message>
    <message>
        <source>Networks and training</source>
        <translation>Networks and training</translation>
    </message>
    <message>
        <source>{0}×{0} px</source>
        <translation>{0}×{0} px</translation>
    </message>
    <message>
        <source>Length of the random vector the generator draws from</source>
        <translation>Length of the random vector the generator draws from</translation>
    </message>
    <message>
        <source>Images per training step</source>
        <translation>Images per training step</translation>
    </message>
    <message>
        <source>Passes over the data; a checkpoint is written after each</source>
        <translation>Passes over the data; a checkpoint is written after each</translation>
    </message>
    <message>
        <source>Generator&apos;s Adam learning rate</source>
        <translation>Generator&apos;s Adam learning rate</translation>
    </message>
    <message>
        <source>Discriminator&apos;s Adam learning rate</source>
        <translation>Discriminator&apos;s Adam learning rate</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Image size</translation>
    </message>
    <message>
        <source>Latent size</source>
        <translation>Latent size</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Generator learning rate</source>
        <translation>Generator learning rate</translation>
    </message>
    <message>
        <source>Discriminator learning rate</source>
        <translation>Discriminator learning rate</translation>
    </message>
    <message>
        <source>Walk between two random latent vectors (redrawn as training goes on)</source>
        <translation>Walk between two random latent vectors (redrawn as training goes on)</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n images of {1}×{1} px</source>
        <translation>
            <numerusform>{0}: %n image of {1}×{1} px</numerusform>
            <numerusform>{0}: %n images of {1}×{1} px</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n files skipped ({0}{1}).</source>
        <translation>
            <numerusform>, %n file skipped ({0}{1}).</numerusform>
            <numerusform>, %n files skipped ({0}{1}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>GAN</source>
        <extracomment>The tab&apos;s own copy of the trainer&apos;s history, for the charts and Save metrics: new entries come in progress events; a snapshot is taken only when no job touches the trainer.</extracomment>
        <translation>GAN</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Train new networks from scratch</source>
        <translation>Train new networks from scratch</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop and write a checkpoint</source>
        <translation>Stop and write a checkpoint</translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation>Open checkpoint…</translation>
    </message>
    <message>
        <source>Continue a run or draw samples from it</source>
        <translation>Continue a run or draw samples from it</translation>
    </message>
    <message>
        <source>New samples</source>
        <translation>New samples</translation>
    </message>
    <message>
        <source>Draw 16 new random latent vectors</source>
        <translation>Draw 16 new random latent vectors</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>Interpolate</translation>
    </message>
    <message>
        <source>Save grid…</source>
        <translation>Save grid…</translation>
    </message>
    <message>
        <source>Save metrics CSV…</source>
        <translation>Save metrics CSV…</translation>
    </message>
    <message>
        <source>Folder of training images</source>
        <translation>Folder of training images</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>Reading the data…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training data&lt;/b&gt; (a sample)</source>
        <translation>&lt;b&gt;Training data&lt;/b&gt; (a sample)</translation>
    </message>
    <message>
        <source>Cannot create a folder for the checkpoints: {0}.</source>
        <translation>Cannot create a folder for the checkpoints: {0}.</translation>
    </message>
    <message>
        <source>Checkpoints: {0}</source>
        <translation>Checkpoints: {0}</translation>
    </message>
    <message>
        <source>Building the networks…</source>
        <translation>Building the networks…</translation>
    </message>
    <message>
        <source>building the networks</source>
        <translation>building the networks</translation>
    </message>
    <message>
        <source>reading the history</source>
        <translation>reading the history</translation>
    </message>
    <message>
        <source>Paused at step {0}. Resume continues exactly from here.</source>
        <translation>Paused at step {0}. Resume continues exactly from here.</translation>
    </message>
    <message>
        <source>writing the checkpoint</source>
        <translation>writing the checkpoint</translation>
    </message>
    <message>
        <source>Stopped at step {0}; checkpoint written to {1}.</source>
        <translation>Stopped at step {0}; checkpoint written to {1}.</translation>
    </message>
    <message>
        <source>{0} — step {1}/{2} — {3} steps/s — about {4} left — generator loss {5}, discriminator loss {6}, D(real) {7}, D(fake) {8}</source>
        <translation>{0} — step {1}/{2} — {3} steps/s — about {4} left — generator loss {5}, discriminator loss {6}, D(real) {7}, D(fake) {8}</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>generator</translation>
    </message>
    <message>
        <source>discriminator</source>
        <translation>discriminator</translation>
    </message>
    <message>
        <source>D(real)</source>
        <translation>D(real)</translation>
    </message>
    <message>
        <source>D(fake)</source>
        <translation>D(fake)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated samples&lt;/b&gt; (the same 16 latent vectors throughout)</source>
        <translation>&lt;b&gt;Generated samples&lt;/b&gt; (the same 16 latent vectors throughout)</translation>
    </message>
    <message>
        <source>Finished: {0} steps, {1} epochs; checkpoint in {2}.</source>
        <translation>Finished: {0} steps, {1} epochs; checkpoint in {2}.</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Stopped: {0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause or stop the training before changing its data.</source>
        <translation>Pause or stop the training before changing its data.</translation>
    </message>
    <message>
        <source>GAN checkpoint folder</source>
        <translation>GAN checkpoint folder</translation>
    </message>
    <message>
        <source>Opening the checkpoint…</source>
        <translation>Opening the checkpoint…</translation>
    </message>
    <message>
        <source>reading the checkpoint</source>
        <translation>reading the checkpoint</translation>
    </message>
    <message>
        <source>Checkpoint at step {0} (epoch {1}). Resume continues training.</source>
        <translation>Checkpoint at step {0} (epoch {1}). Resume continues training.</translation>
    </message>
    <message>
        <source>drawing samples</source>
        <translation>drawing samples</translation>
    </message>
    <message>
        <source>interpolating</source>
        <translation>interpolating</translation>
    </message>
    <message>
        <source>Latent interpolation, generator at step {0}</source>
        <translation>Latent interpolation, generator at step {0}</translation>
    </message>
    <message>
        <source>Save grid</source>
        <translation>Save grid</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Save metrics</source>
        <translation>Save metrics</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>GraphPane</name>
    <message>
        <source>Find a layer (Ctrl+F)</source>
        <translation>Find a layer (Ctrl+F)</translation>
    </message>
    <message>
        <source>Enter or F3: next match; Shift+Enter or Shift+F3: previous</source>
        <translation>Enter or F3: next match; Shift+Enter or Shift+F3: previous</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+- while the graph has the focus, or the mouse wheel)</source>
        <translation>Zoom out (Ctrl+- while the graph has the focus, or the mouse wheel)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++ while the graph has the focus, or the mouse wheel)</source>
        <translation>Zoom in (Ctrl++ while the graph has the focus, or the mouse wheel)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0 while the graph has the focus)</source>
        <translation>Show the whole graph (Ctrl+0 while the graph has the focus)</translation>
    </message>
    <message>
        <source>Click a layer to select it; double-click a nested network to fold or unfold it; drag to move, wheel to zoom</source>
        <translation>Click a layer to select it; double-click a nested network to fold or unfold it; drag to move, wheel to zoom</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>no match</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>Double-click to show its layers</source>
        <translation>Double-click to show its layers</translation>
    </message>
    <message>
        <source>Needs the model&apos;s native input size: activations use the image resized to it.</source>
        <translation>Needs the model&apos;s native input size: activations use the image resized to it.</translation>
    </message>
    <message>
        <source>Double-click to fold its layers into one box</source>
        <translation>Double-click to fold its layers into one box</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Downloads are switched off on this classroom PC.</source>
        <translation>Downloads are switched off on this classroom PC.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Start again and delete everything in the folder &apos;{0}&apos;? What was saved or trained there is removed.</source>
        <translation>Start again and delete everything in the folder &apos;{0}&apos;? What was saved or trained there is removed.</translation>
    </message>
    <message>
        <source>Start again: the bundled model, the sample photo, and nothing left from the previous student</source>
        <translation>Start again: the bundled model, the sample photo, and nothing left from the previous student</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>Lab</source>
        <extracomment>Exercise 9 grows at most this many steps (a 64-channel layer on a classroom CPU: under a minute). ImageNet networks the Lab uses while SqueezeNet&apos;s weights are missing, best first: the small, quick ones first (exercises 3 and 4 take gradients at the photo&apos;s size on a classroom CPU), then the larger ones by how quickly they answer; each knows the lab&apos;s daisy and flamingo.</extracomment>
        <translation>Lab</translation>
    </message>
    <message>
        <source>Each button sets the window up for its step.</source>
        <translation>Each button sets the window up for its step.</translation>
    </message>
    <message>
        <source>1. Explore the network</source>
        <translation>1. Explore the network</translation>
    </message>
    <message>
        <source>Open SqueezeNet, the network of the lab sheet. The table on the left lists its layers, from the input image to the class probabilities.</source>
        <translation>Open SqueezeNet, the network of the lab sheet. The table on the left lists its layers, from the input image to the class probabilities.</translation>
    </message>
    <message>
        <source>Open SqueezeNet</source>
        <translation>Open SqueezeNet</translation>
    </message>
    <message>
        <source>The Activations column says what a layer hands on for one image: height × width × channels. Follow it down from conv1: where does the picture shrink, where do channels grow?</source>
        <translation>The Activations column says what a layer hands on for one image: height × width × channels. Follow it down from conv1: where does the picture shrink, where do channels grow?</translation>
    </message>
    <message>
        <source>Show conv1&apos;s activations</source>
        <translation>Show conv1&apos;s activations</translation>
    </message>
    <message>
        <source>Learnables are the numbers that change while the network learns: a convolution&apos;s filters (Weights) and one Bias per filter. Which kinds of layer learn nothing?</source>
        <translation>Learnables are the numbers that change while the network learns: a convolution&apos;s filters (Weights) and one Bias per filter. Which kinds of layer learn nothing?</translation>
    </message>
    <message>
        <source>Show conv1&apos;s learnables</source>
        <translation>Show conv1&apos;s learnables</translation>
    </message>
    <message>
        <source>2. What the filters see</source>
        <translation>2. What the filters see</translation>
    </message>
    <message>
        <source>Run the flower photo through the first convolution layer. Each tile is one filter&apos;s answer, bright where it responds. Find a filter that lights up the whole flower.</source>
        <translation>Run the flower photo through the first convolution layer. Each tile is one filter&apos;s answer, bright where it responds. Find a filter that lights up the whole flower.</translation>
    </message>
    <message>
        <source>Flower in the first convolution</source>
        <translation>Flower in the first convolution</translation>
    </message>
    <message>
        <source>Flower in the third convolution</source>
        <translation>Flower in the third convolution</translation>
    </message>
    <message>
        <source>The photo is larger than the network&apos;s input and still works: a filter slides over an image of any size. Native size squeezes the photo to the input size first. Compare the two.</source>
        <translation>The photo is larger than the network&apos;s input and still works: a filter slides over an image of any size. Native size squeezes the photo to the input size first. Compare the two.</translation>
    </message>
    <message>
        <source>Compare at native size</source>
        <translation>Compare at native size</translation>
    </message>
    <message>
        <source>3. Fooling images</source>
        <translation>3. Fooling images</translation>
    </message>
    <message>
        <source>Start from random noise and change the pixels, step by step, until the network is sure it sees a {0}.</source>
        <translation>Start from random noise and change the pixels, step by step, until the network is sure it sees a {0}.</translation>
    </message>
    <message>
        <source>Grow a fooling image</source>
        <translation>Grow a fooling image</translation>
    </message>
    <message>
        <source>Classify the result as if it were a photo: the network&apos;s answer appears under it.</source>
        <translation>Classify the result as if it were a photo: the network&apos;s answer appears under it.</translation>
    </message>
    <message>
        <source>Classify the fooling image</source>
        <translation>Classify the fooling image</translation>
    </message>
    <message>
        <source>Does the image resemble its class in any way?</source>
        <translation>Does the image resemble its class in any way?</translation>
    </message>
    <message>
        <source>4. Blend with noise</source>
        <translation>4. Blend with noise</translation>
    </message>
    <message>
        <source>Mix the flower photo with the fooling noise. The chart shows how sure the network is that it sees a {0} as the share of noise grows from 0 to 100 %.</source>
        <translation>Mix the flower photo with the fooling noise. The chart shows how sure the network is that it sees a {0} as the share of noise grows from 0 to 100 %.</translation>
    </message>
    <message>
        <source>Blend the flower with noise</source>
        <translation>Blend the flower with noise</translation>
    </message>
    <message>
        <source>Move the weight slider (the arrow keys work too) and find where the network stops saying {0}. Would a person still see a flower there?</source>
        <translation>Move the weight slider (the arrow keys work too) and find where the network stops saying {0}. Would a person still see a flower there?</translation>
    </message>
    <message>
        <source>Take the slider</source>
        <translation>Take the slider</translation>
    </message>
    <message>
        <source>Check your answer: the slider jumps to the first weight at which the network changes its mind, the red line on the chart.</source>
        <translation>Check your answer: the slider jumps to the first weight at which the network changes its mind, the red line on the chart.</translation>
    </message>
    <message>
        <source>Show where it changes</source>
        <translation>Show where it changes</translation>
    </message>
    <message>
        <source>5. Style transfer</source>
        <translation>5. Style transfer</translation>
    </message>
    <message>
        <source>Paint the flower</source>
        <translation>Paint the flower</translation>
    </message>
    <message>
        <source>Try another style. What of the photo survives, and what does the style&apos;s texture replace?</source>
        <translation>Try another style. What of the photo survives, and what does the style&apos;s texture replace?</translation>
    </message>
    <message>
        <source>Another style</source>
        <translation>Another style</translation>
    </message>
    <message>
        <source>6. GAN</source>
        <translation>6. GAN</translation>
    </message>
    <message>
        <source>Show the training data</source>
        <translation>Show the training data</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Start training</translation>
    </message>
    <message>
        <source>7. Train your own classifier</source>
        <translation>7. Train your own classifier</translation>
    </message>
    <message>
        <source>Drop a folder with one folder of pictures per class on the Train tab (or keep the built-in shapes) and train a classifier on it. Watch the training and validation curves: where do they part?</source>
        <translation>Drop a folder with one folder of pictures per class on the Train tab (or keep the built-in shapes) and train a classifier on it. Watch the training and validation curves: where do they part?</translation>
    </message>
    <message>
        <source>Train it</source>
        <translation>Train it</translation>
    </message>
    <message>
        <source>The confusion matrix counts what the model said (columns) for each true class (rows). The largest cell off the diagonal is the pair it confuses most; its pictures appear beside it.</source>
        <translation>The confusion matrix counts what the model said (columns) for each true class (rows). The largest cell off the diagonal is the pair it confuses most; its pictures appear beside it.</translation>
    </message>
    <message>
        <source>Show the confused pair</source>
        <translation>Show the confused pair</translation>
    </message>
    <message>
        <source>Save the model and look at one of its mistakes in Activations: the model opens with your class names. What does the first convolution see in the picture it got wrong?</source>
        <translation>Save the model and look at one of its mistakes in Activations: the model opens with your class names. What does the first convolution see in the picture it got wrong?</translation>
    </message>
    <message>
        <source>Open a mistake in Activations</source>
        <translation>Open a mistake in Activations</translation>
    </message>
    <message>
        <source>Why might the model confuse these two classes?</source>
        <translation>Why might the model confuse these two classes?</translation>
    </message>
    <message>
        <source>8. Where does it look?</source>
        <translation>8. Where does it look?</translation>
    </message>
    <message>
        <source>Grad-CAM colours the places of the flower photo that raise the network&apos;s score for {0}. Is it the flower, or something around it?</source>
        <translation>Grad-CAM colours the places of the flower photo that raise the network&apos;s score for {0}. Is it the flower, or something around it?</translation>
    </message>
    <message>
        <source>Explain the flower</source>
        <translation>Explain the flower</translation>
    </message>
    <message>
        <source>Now its adversarial twin: the photo changed by a few levels per pixel until the network says something else. Top: the photo, bottom: the changed image; left for the old label, right for the new one.</source>
        <translation>Now its adversarial twin: the photo changed by a few levels per pixel until the network says something else. Top: the photo, bottom: the changed image; left for the old label, right for the new one.</translation>
    </message>
    <message>
        <source>Explain the adversarial twin</source>
        <translation>Explain the adversarial twin</translation>
    </message>
    <message>
        <source>Does the network look somewhere else once it is fooled?</source>
        <translation>Does the network look somewhere else once it is fooled?</translation>
    </message>
    <message>
        <source>9. What do the filters want?</source>
        <translation>9. What do the filters want?</translation>
    </message>
    <message>
        <source>The mirror of exercise 2: instead of showing what the photo does to each filter, neurolab grows a picture that each filter of the first convolution answers as strongly as it can. Which filters want a colour, which an edge?</source>
        <translation>The mirror of exercise 2: instead of showing what the photo does to each filter, neurolab grows a picture that each filter of the first convolution answers as strongly as it can. Which filters want a colour, which an edge?</translation>
    </message>
    <message>
        <source>What the first convolution wants</source>
        <translation>What the first convolution wants</translation>
    </message>
    <message>
        <source>The third convolution&apos;s filters combine the first ones: their pictures are patterns and textures, stripes, dots and curves.</source>
        <translation>The third convolution&apos;s filters combine the first ones: their pictures are patterns and textures, stripes, dots and curves.</translation>
    </message>
    <message>
        <source>What the third convolution wants</source>
        <translation>What the third convolution wants</translation>
    </message>
    <message>
        <source>Back to the flower in the third convolution: the tile that answers most strongly is chosen and its filter&apos;s picture shown large. Does the flower have that pattern where the tile is bright?</source>
        <translation>Back to the flower in the third convolution: the tile that answers most strongly is chosen and its filter&apos;s picture shown large. Does the flower have that pattern where the tile is bright?</translation>
    </message>
    <message>
        <source>Ask the flower&apos;s strongest tile</source>
        <translation>Ask the flower&apos;s strongest tile</translation>
    </message>
    <message>
        <source>Why do deeper filters want patterns rather than single colours?</source>
        <translation>Why do deeper filters want patterns rather than single colours?</translation>
    </message>
    <message>
        <source>Set the window up for step {0}</source>
        <translation>Set the window up for step {0}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Question:&lt;/i&gt; {0}</source>
        <translation>&lt;i&gt;Question:&lt;/i&gt; {0}</translation>
    </message>
    <message>
        <source>SqueezeNet&apos;s ImageNet weights are not on this computer, so exercises 2–4 use the bundled shapes model: it is trained, and &apos;flower&apos; is one of its classes.</source>
        <translation>SqueezeNet&apos;s ImageNet weights are not on this computer, so exercises 2–4 use the bundled shapes model: it is trained, and &apos;flower&apos; is one of its classes.</translation>
    </message>
    <message>
        <source>SqueezeNet&apos;s ImageNet weights are not on this computer, so exercises 2–4 use {0}, another ImageNet network whose weights are here.</source>
        <translation>SqueezeNet&apos;s ImageNet weights are not on this computer, so exercises 2–4 use {0}, another ImageNet network whose weights are here.</translation>
    </message>
    <message>
        <source>Downloads are off on this PC; your teacher can put SqueezeNet&apos;s weights into the shared weights folder (neurolab models fetch squeezenet, see the README).</source>
        <translation>Downloads are off on this PC; your teacher can put SqueezeNet&apos;s weights into the shared weights folder (neurolab models fetch squeezenet, see the README).</translation>
    </message>
    <message>
        <source>To use SqueezeNet as the lab sheet does, open it (exercise 1) and press &apos;Download ImageNet weights&apos; in the Network panel once, online.</source>
        <translation>To use SqueezeNet as the lab sheet does, open it (exercise 1) and press &apos;Download ImageNet weights&apos; in the Network panel once, online.</translation>
    </message>
    <message>
        <source>At {0} noise the network stops saying {1}.</source>
        <translation>At {0} noise the network stops saying {1}.</translation>
    </message>
    <message>
        <source>The model made no mistakes on its validation pictures: train on harder classes, or with fewer epochs.</source>
        <translation>The model made no mistakes on its validation pictures: train on harder classes, or with fewer epochs.</translation>
    </message>
    <message>
        <source>The model made no mistakes on its validation pictures; its model is open in Activations.</source>
        <translation>The model made no mistakes on its validation pictures; its model is open in Activations.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}.&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;{0}.&lt;/b&gt; {1}</translation>
    </message>
    <message>
        <source>Now the third convolution layer: its filters combine simpler features. The flower&apos;s outline stays, but each tile brings out something else: edges, petals, the centre.</source>
        <translation>Now the third convolution layer: its filters combine simpler features. The flower&apos;s outline stays, but each tile brings out something else: edges, petals, the centre.</translation>
    </message>
    <message>
        <source>Paint the flower in the manner of a bundled style. The picture appears while it is being painted, small first, then larger. The loss curve falls while the size stays the same and jumps up at each dashed line, where the picture is enlarged and judged again at the new size.</source>
        <translation>Paint the flower in the manner of a bundled style. The picture appears while it is being painted, small first, then larger. The loss curve falls while the size stays the same and jumps up at each dashed line, where the picture is enlarged and judged again at the new size.</translation>
    </message>
    <message>
        <source>The training data: simple shapes that neurolab draws itself, each shape in its own colour. The generator will learn to draw pictures like these.</source>
        <translation>The training data: simple shapes that neurolab draws itself, each shape in its own colour. The generator will learn to draw pictures like these.</translation>
    </message>
    <message>
        <source>Start training. One network draws, the other judges whether a picture is real or drawn; watch the 16 samples turn from noise into coloured blobs and shapes while the two losses push against each other. Which colours, and so which shapes, does the generator leave out?</source>
        <translation>Start training. One network draws, the other judges whether a picture is real or drawn; watch the 16 samples turn from noise into coloured blobs and shapes while the two losses push against each other. Which colours, and so which shapes, does the generator leave out?</translation>
    </message>
    <message>
        <source>Exercises 2–4 use SqueezeNet with its ImageNet weights, as the lab sheet does.</source>
        <translation>Exercises 2–4 use SqueezeNet with its ImageNet weights, as the lab sheet does.</translation>
    </message>
    <message>
        <source>Setting up: {0}…</source>
        <translation>Setting up: {0}…</translation>
    </message>
    <message>
        <source>Ready: {0}.</source>
        <translation>Ready: {0}.</translation>
    </message>
    <message>
        <source>The set-up stopped: {0}</source>
        <translation>The set-up stopped: {0}</translation>
    </message>
    <message>
        <source>The set-up was cancelled; press its button again to repeat it.</source>
        <translation>The set-up was cancelled; press its button again to repeat it.</translation>
    </message>
    <message>
        <source>With this noise the network keeps saying {0} all the way. Grow a fooling image with more steps and blend again.</source>
        <translation>With this noise the network keeps saying {0} all the way. Grow a fooling image with more steps and blend again.</translation>
    </message>
    <message>
        <source>Training is running: the samples are on the right.</source>
        <translation>Training is running: the samples are on the right.</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>The network to explore</source>
        <translation>The network to explore</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <source>Open a .keras or .h5 model file</source>
        <translation>Open a .keras or .h5 model file</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>Loading TensorFlow…</translation>
    </message>
    <message>
        <source>Download ImageNet weights</source>
        <translation>Download ImageNet weights</translation>
    </message>
    <message>
        <source>Fetch the trained weights once into Keras&apos;s cache; afterwards the model works offline</source>
        <translation>Fetch the trained weights once into Keras&apos;s cache; afterwards the model works offline</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activations</translation>
    </message>
    <message>
        <source>Learnables</source>
        <translation>Learnables</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Position of the layer in the network, counting the input as 1.</source>
        <translation>Position of the layer in the network, counting the input as 1.</translation>
    </message>
    <message>
        <source>The layer&apos;s name; click it to see its activations.</source>
        <translation>The layer&apos;s name; click it to see its activations.</translation>
    </message>
    <message>
        <source>What kind of layer it is, in MATLAB&apos;s words.</source>
        <translation>What kind of layer it is, in MATLAB&apos;s words.</translation>
    </message>
    <message>
        <source>Size of what the layer outputs for one image: height × width × channels.</source>
        <translation>Size of what the layer outputs for one image: height × width × channels.</translation>
    </message>
    <message>
        <source>The values the layer learns during training, with their shapes.</source>
        <translation>The values the layer learns during training, with their shapes.</translation>
    </message>
    <message>
        <source>How many numbers the layer stores (learnt and fixed).</source>
        <translation>How many numbers the layer stores (learnt and fixed).</translation>
    </message>
    <message>
        <source>What the layer does, with its settings.</source>
        <translation>What the layer does, with its settings.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>How pixel values (0–255) are scaled before the network sees them; the choice is remembered for this model</source>
        <translation>How pixel values (0–255) are scaled before the network sees them; the choice is remembered for this model</translation>
    </message>
    <message>
        <source>Input: {0}</source>
        <translation>Input: {0}</translation>
    </message>
    <message>
        <source>Input: –</source>
        <translation>Input: –</translation>
    </message>
    <message>
        <source>Needs the model&apos;s native input size: activations use the image resized to it.</source>
        <translation>Needs the model&apos;s native input size: activations use the image resized to it.</translation>
    </message>
    <message>
        <source>Total parameters: {0}</source>
        <translation>Total parameters: {0}</translation>
    </message>
</context>
<context>
    <name>LayerTypes</name>
    <message>
        <source>Image Input</source>
        <translation>Image Input</translation>
    </message>
    <message>
        <source>3-D Image Input</source>
        <translation>3-D Image Input</translation>
    </message>
    <message>
        <source>Feature Input</source>
        <translation>Feature Input</translation>
    </message>
    <message>
        <source>Sequence Input</source>
        <translation>Sequence Input</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Convolution</translation>
    </message>
    <message>
        <source>1-D Convolution</source>
        <translation>1-D Convolution</translation>
    </message>
    <message>
        <source>3-D Convolution</source>
        <translation>3-D Convolution</translation>
    </message>
    <message>
        <source>Grouped Convolution</source>
        <translation>Grouped Convolution</translation>
    </message>
    <message>
        <source>1-D Grouped Convolution</source>
        <translation>1-D Grouped Convolution</translation>
    </message>
    <message>
        <source>3-D Grouped Convolution</source>
        <translation>3-D Grouped Convolution</translation>
    </message>
    <message>
        <source>Separable Convolution</source>
        <translation>Separable Convolution</translation>
    </message>
    <message>
        <source>1-D Separable Convolution</source>
        <translation>1-D Separable Convolution</translation>
    </message>
    <message>
        <source>Transposed Convolution</source>
        <translation>Transposed Convolution</translation>
    </message>
    <message>
        <source>1-D Transposed Convolution</source>
        <translation>1-D Transposed Convolution</translation>
    </message>
    <message>
        <source>3-D Transposed Convolution</source>
        <translation>3-D Transposed Convolution</translation>
    </message>
    <message>
        <source>Fully Connected</source>
        <translation>Fully Connected</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Clipped ReLU</source>
        <translation>Clipped ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Swish</source>
        <translation>Swish</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Max Pooling</source>
        <translation>Max Pooling</translation>
    </message>
    <message>
        <source>1-D Max Pooling</source>
        <translation>1-D Max Pooling</translation>
    </message>
    <message>
        <source>3-D Max Pooling</source>
        <translation>3-D Max Pooling</translation>
    </message>
    <message>
        <source>Average Pooling</source>
        <translation>Average Pooling</translation>
    </message>
    <message>
        <source>1-D Average Pooling</source>
        <translation>1-D Average Pooling</translation>
    </message>
    <message>
        <source>3-D Average Pooling</source>
        <translation>3-D Average Pooling</translation>
    </message>
    <message>
        <source>Global Max Pooling</source>
        <translation>Global Max Pooling</translation>
    </message>
    <message>
        <source>1-D Global Max Pooling</source>
        <translation>1-D Global Max Pooling</translation>
    </message>
    <message>
        <source>3-D Global Max Pooling</source>
        <translation>3-D Global Max Pooling</translation>
    </message>
    <message>
        <source>Global Average Pooling</source>
        <translation>Global Average Pooling</translation>
    </message>
    <message>
        <source>1-D Global Average Pooling</source>
        <translation>1-D Global Average Pooling</translation>
    </message>
    <message>
        <source>3-D Global Average Pooling</source>
        <translation>3-D Global Average Pooling</translation>
    </message>
    <message>
        <source>Batch Normalization</source>
        <translation>Batch Normalization</translation>
    </message>
    <message>
        <source>Layer Normalization</source>
        <translation>Layer Normalization</translation>
    </message>
    <message>
        <source>Group Normalization</source>
        <translation>Group Normalization</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>Normalization</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>Reshape</source>
        <translation>Reshape</translation>
    </message>
    <message>
        <source>Depth concatenation</source>
        <translation>Depth concatenation</translation>
    </message>
    <message>
        <source>Concatenation</source>
        <translation>Concatenation</translation>
    </message>
    <message>
        <source>Addition</source>
        <translation>Addition</translation>
    </message>
    <message>
        <source>Subtraction</source>
        <translation>Subtraction</translation>
    </message>
    <message>
        <source>Multiplication</source>
        <translation>Multiplication</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Zero Padding</source>
        <translation>Zero Padding</translation>
    </message>
    <message>
        <source>Cropping</source>
        <translation>Cropping</translation>
    </message>
    <message>
        <source>Rescaling</source>
        <translation>Rescaling</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Resize</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
</context>
<context>
    <name>Learnables</name>
    <message>
        <source>Weights</source>
        <extracomment>The learnables&apos; names, MATLAB&apos;s words (core.inspection.analysis).</extracomment>
        <translation>Weights</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>Bias</translation>
    </message>
    <message>
        <source>DepthwiseWeights</source>
        <translation>DepthwiseWeights</translation>
    </message>
    <message>
        <source>PointwiseWeights</source>
        <translation>PointwiseWeights</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>neurolab — what does the network see?</source>
        <extracomment>Below this available screen size the first window is maximised (a 1366×768 classroom PC).</extracomment>
        <translation>neurolab — what does the network see?</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Click to dismiss</source>
        <translation>Click to dismiss</translation>
    </message>
    <message>
        <source>Model: –</source>
        <translation>Model: –</translation>
    </message>
    <message>
        <source>Device: –</source>
        <translation>Device: –</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;image…</source>
        <translation>Open &amp;image…</translation>
    </message>
    <message>
        <source>Open &amp;model file…</source>
        <translation>Open &amp;model file…</translation>
    </message>
    <message>
        <source>Open &amp;sample</source>
        <translation>Open &amp;sample</translation>
    </message>
    <message>
        <source>&amp;Cancel running job</source>
        <translation>&amp;Cancel running job</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <source>&amp;About neurolab</source>
        <translation>&amp;About neurolab</translation>
    </message>
    <message>
        <source>Layer &amp;graph</source>
        <translation>Layer &amp;graph</translation>
    </message>
    <message>
        <source>&amp;Find layer…</source>
        <translation>&amp;Find layer…</translation>
    </message>
    <message>
        <source>Find &amp;next layer</source>
        <translation>Find &amp;next layer</translation>
    </message>
    <message>
        <source>Find &amp;previous layer</source>
        <translation>Find &amp;previous layer</translation>
    </message>
    <message>
        <source>Export &amp;graph…</source>
        <translation>Export &amp;graph…</translation>
    </message>
    <message>
        <source>Export layer &amp;table…</source>
        <translation>Export layer &amp;table…</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Export graph</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>SVG drawing (*.svg);;PNG image (*.png)</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>Graph written to {0}</source>
        <translation>Graph written to {0}</translation>
    </message>
    <message>
        <source>Export layer table</source>
        <translation>Export layer table</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;Markdown table (*.md)</source>
        <translation>CSV table (*.csv);;Markdown table (*.md)</translation>
    </message>
    <message>
        <source>Layer table written to {0}</source>
        <translation>Layer table written to {0}</translation>
    </message>
    <message>
        <source>{0} (automatic)</source>
        <translation>{0} (automatic)</translation>
    </message>
    <message>
        <source>Device: {0}, {1}</source>
        <translation>Device: {0}, {1}</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Actual size</translation>
    </message>
    <message>
        <source>Zoom: {0}</source>
        <translation>Zoom: {0}</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>&amp;System default</translation>
    </message>
    <message>
        <source>About neurolab</source>
        <translation>About neurolab</translation>
    </message>
    <message>
        <source>neurolab {0}
See what a convolutional neural network sees.</source>
        <translation>neurolab {0}
See what a convolutional neural network sees.</translation>
    </message>
    <message>
        <source> — ready</source>
        <translation> — ready</translation>
    </message>
    <message>
        <source> — needs download ({0} MB)</source>
        <translation> — needs download ({0} MB)</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>Opening {0}…</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>Model: {0}</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>No model loaded.</translation>
    </message>
    <message>
        <source>Downloading the ImageNet weights for {0}…</source>
        <translation>Downloading the ImageNet weights for {0}…</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Open model</translation>
    </message>
    <message>
        <source>On this classroom PC neurolab stays open; press Reset to start again.</source>
        <translation>On this classroom PC neurolab stays open; press Reset to start again.</translation>
    </message>
    <message>
        <source>reading {0}</source>
        <translation>reading {0}</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Open image</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is outside the class folder; on this classroom PC only files from that folder can be opened.</source>
        <translation>&apos;{0}&apos; is outside the class folder; on this classroom PC only files from that folder can be opened.</translation>
    </message>
</context>
<context>
    <name>MosaicView</name>
    <message>
        <source>Unit {0}: value {1}</source>
        <translation>Unit {0}: value {1}</translation>
    </message>
    <message>
        <source>Channel {0}: values {1} to {2}. Click to see it large.</source>
        <translation>Channel {0}: values {1} to {2}. Click to see it large.</translation>
    </message>
</context>
<context>
    <name>OutsideTexts</name>
    <message>
        <source>Permission denied</source>
        <extracomment>Text core passes on from the system (``OSError.strerror``, a socket&apos;s &quot;timed out&quot;): the common ones, so a Czech window says why a file or a download failed in Czech.</extracomment>
        <translation>Permission denied</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>No such file or directory</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>File exists</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Not a directory</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation>Temporary failure in name resolution</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>Network is unreachable</translation>
    </message>
</context>
<context>
    <name>PrecisionMenu</name>
    <message>
        <source>Pr&amp;ecision</source>
        <translation>Pr&amp;ecision</translation>
    </message>
    <message>
        <source>&amp;Automatic (the fastest this computer computes well)</source>
        <translation>&amp;Automatic (the fastest this computer computes well)</translation>
    </message>
</context>
<context>
    <name>PreprocessingMenu</name>
    <message>
        <source>&amp;Preprocessing</source>
        <translation>&amp;Preprocessing</translation>
    </message>
    <message>
        <source>Custom mean/std…</source>
        <translation>Custom mean/std…</translation>
    </message>
    <message>
        <source>Custom: {0}</source>
        <translation>Custom: {0}</translation>
    </message>
    <message>
        <source>&amp;Model&apos;s default: {0}</source>
        <translation>&amp;Model&apos;s default: {0}</translation>
    </message>
    <message>
        <source>&amp;Model&apos;s default</source>
        <translation>&amp;Model&apos;s default</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Network says: {0} ({1})</source>
        <translation>Network says: {0} ({1})</translation>
    </message>
    <message>
        <source>Network says: –</source>
        <translation>Network says: –</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Cat</source>
        <extracomment>The bundled sample photos and styles (resources/images, resources/styles), named after their files.</extracomment>
        <translation>Cat</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>Coffee</translation>
    </message>
    <message>
        <source>Flower</source>
        <translation>Flower</translation>
    </message>
    <message>
        <source>Rocket</source>
        <translation>Rocket</translation>
    </message>
    <message>
        <source>Temple</source>
        <translation>Temple</translation>
    </message>
    <message>
        <source>Brush strokes</source>
        <translation>Brush strokes</translation>
    </message>
    <message>
        <source>Stained glass</source>
        <translation>Stained glass</translation>
    </message>
    <message>
        <source>Woodcut waves</source>
        <translation>Woodcut waves</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file &apos;{0}&apos; is damaged and cannot be moved; this session starts from the default settings and keeps none.</source>
        <extracomment>What the window itself stores (each tab adds its own keys, ``Tab.settings_keys``).</extracomment>
        <translation>The settings file &apos;{0}&apos; is damaged and cannot be moved; this session starts from the default settings and keeps none.</translation>
    </message>
    <message>
        <source>The settings file was damaged, so neurolab started from the default settings; the old file is kept as &apos;{0}&apos;.</source>
        <translation>The settings file was damaged, so neurolab started from the default settings; the old file is kept as &apos;{0}&apos;.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Every control can also be reached with Tab; the underlined letter of a menu opens it with Alt.</source>
        <translation>Every control can also be reached with Tab; the underlined letter of a menu opens it with Alt.</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Move to the next / previous control</source>
        <translation>Move to the next / previous control</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>Press the focused button or tick the focused box</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <source>Move a slider, choose in a list or in the layer table</source>
        <translation>Move a slider, choose in a list or in the layer table</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>Next tab, when a control in the tabs has the focus</source>
        <translation>Next tab, when a control in the tabs has the focus</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+letter</translation>
    </message>
    <message>
        <source>Open a menu by its underlined letter</source>
        <translation>Open a menu by its underlined letter</translation>
    </message>
</context>
<context>
    <name>StyleTab</name>
    <message>
        <source>Drop a content photo here</source>
        <translation>Drop a content photo here</translation>
    </message>
    <message>
        <source>Drop a style image here</source>
        <translation>Drop a style image here</translation>
    </message>
    <message>
        <source>Press Start: the result appears here as it is painted</source>
        <translation>Press Start: the result appears here as it is painted</translation>
    </message>
    <message>
        <source>Open content…</source>
        <translation>Open content…</translation>
    </message>
    <message>
        <source>Open style…</source>
        <translation>Open style…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Result&lt;/b&gt;</source>
        <translation>&lt;b&gt;Result&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Content&lt;/b&gt;</source>
        <translation>&lt;b&gt;Content&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Style&lt;/b&gt;</source>
        <translation>&lt;b&gt;Style&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Use result as content</source>
        <translation>Use result as content</translation>
    </message>
    <message>
        <source>Style the result again, e.g. with another style</source>
        <translation>Style the result again, e.g. with another style</translation>
    </message>
    <message>
        <source>Previous content</source>
        <translation>Previous content</translation>
    </message>
    <message>
        <source>Go back to the content image before &apos;Use result as content&apos;</source>
        <translation>Go back to the content image before &apos;Use result as content&apos;</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <source>step</source>
        <translation>step</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>The loss, once a transfer runs</source>
        <translation>The loss, once a transfer runs</translation>
    </message>
    <message>
        <source>The loss falls within each scale; at each dashed line the picture is enlarged and the loss, measured at the new size, jumps up</source>
        <translation>The loss falls within each scale; at each dashed line the picture is enlarged and the loss, measured at the new size, jumps up</translation>
    </message>
    <message>
        <source>Backbone: {0}</source>
        <translation>Backbone: {0}</translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation>Samples…</translation>
    </message>
    <message>
        <source>Bundled styles…</source>
        <translation>Bundled styles…</translation>
    </message>
    <message>
        <source>How strongly the Gram matrices (textures) of the style image are matched</source>
        <translation>How strongly the Gram matrices (textures) of the style image are matched</translation>
    </message>
    <message>
        <source>How strongly the photo&apos;s deeper features (its layout) are kept</source>
        <translation>How strongly the photo&apos;s deeper features (its layout) are kept</translation>
    </message>
    <message>
        <source>Smoothness: penalises pixel-to-pixel noise</source>
        <translation>Smoothness: penalises pixel-to-pixel noise</translation>
    </message>
    <message>
        <source>Style weight</source>
        <translation>Style weight</translation>
    </message>
    <message>
        <source>Content weight</source>
        <translation>Content weight</translation>
    </message>
    <message>
        <source>Smoothness (TV) weight</source>
        <translation>Smoothness (TV) weight</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Long side of the result; twice the size takes about four times as long</source>
        <translation>Long side of the result; twice the size takes about four times as long</translation>
    </message>
    <message>
        <source>Optimisation steps over all scales (coarse to fine)</source>
        <translation>Optimisation steps over all scales (coarse to fine)</translation>
    </message>
    <message>
        <source>the content image</source>
        <translation>the content image</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>noise</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Start from</translation>
    </message>
    <message>
        <source>Step {0}/{1} — {2} — loss {3}</source>
        <translation>Step {0}/{1} — {2} — loss {3}</translation>
    </message>
    <message>
        <source>{0} — about {1} left</source>
        <translation>{0} — about {1} left</translation>
    </message>
    <message>
        <source>{0}×{1} px</source>
        <translation>{0}×{1} px</translation>
    </message>
    <message>
        <source>Done: {0}. Final loss {1}.</source>
        <translation>Done: {0}. Final loss {1}.</translation>
    </message>
    <message>
        <source>Cancelled at step {0}; the image of that step is kept.</source>
        <translation>Cancelled at step {0}; the image of that step is kept.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Style transfer</source>
        <translation>Style transfer</translation>
    </message>
    <message>
        <source>VGG19 (ImageNet weights)</source>
        <translation>VGG19 (ImageNet weights)</translation>
    </message>
    <message>
        <source>random filters (offline)</source>
        <translation>random filters (offline)</translation>
    </message>
    <message>
        <source>the bundled shapes model (offline)</source>
        <translation>the bundled shapes model (offline)</translation>
    </message>
    <message>
        <source>VGG19 needs its ImageNet weights (neurolab models fetch vgg19); random multi-scale filters and the bundled model&apos;s filters work offline</source>
        <translation>VGG19 needs its ImageNet weights (neurolab models fetch vgg19); random multi-scale filters and the bundled model&apos;s filters work offline</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start the transfer (Ctrl+Enter)</source>
        <translation>Start the transfer (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop and keep the latest image</source>
        <translation>Stop and keep the latest image</translation>
    </message>
    <message>
        <source>Default weights</source>
        <translation>Default weights</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>reading {0}</source>
        <translation>reading {0}</translation>
    </message>
    <message>
        <source>Open content image</source>
        <translation>Open content image</translation>
    </message>
    <message>
        <source>Open style image</source>
        <translation>Open style image</translation>
    </message>
    <message>
        <source>styled {0}</source>
        <translation>styled {0}</translation>
    </message>
    <message>
        <source>The result is now the content image.</source>
        <translation>The result is now the content image.</translation>
    </message>
    <message>
        <source>VGG19 with ImageNet weights</source>
        <translation>VGG19 with ImageNet weights</translation>
    </message>
    <message>
        <source>the bundled shapes model&apos;s filters (offline)</source>
        <translation>the bundled shapes model&apos;s filters (offline)</translation>
    </message>
    <message>
        <source>random multi-scale filters (offline)</source>
        <translation>random multi-scale filters (offline)</translation>
    </message>
    <message>
        <source>{0} — VGG19&apos;s ImageNet weights are not cached</source>
        <translation>{0} — VGG19&apos;s ImageNet weights are not cached</translation>
    </message>
    <message>
        <source>Open a content image and a style image first.</source>
        <translation>Open a content image and a style image first.</translation>
    </message>
    <message>
        <source>Preparing the backbone…</source>
        <translation>Preparing the backbone…</translation>
    </message>
    <message>
        <source>{0}×{1} px, {2} steps in {3}, backbone: {4}</source>
        <translation>{0}×{1} px, {2} steps in {3}, backbone: {4}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Stopped: {0}</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Save result</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>TrainTab</name>
    <message>
        <source>Train</source>
        <extracomment>Settings written before version 2 saved the backbone &quot;bundled&quot; (then the default) even when nobody chose it; from version 2 the default is &quot;auto&quot; (chosen by the pictures).</extracomment>
        <translation>Train</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>Choose the data: the built-in shapes, or drop a folder with one folder of pictures per class on this tab.</source>
        <translation>Choose the data: the built-in shapes, or drop a folder with one folder of pictures per class on this tab.</translation>
    </message>
    <message>
        <source>Built-in shapes</source>
        <translation>Built-in shapes</translation>
    </message>
    <message>
        <source>Shapes drawn by neurolab (nothing to download), or a folder of class folders</source>
        <translation>Shapes drawn by neurolab (nothing to download), or a folder of class folders</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <source>A folder holding one folder of pictures per class (the folder names become the class names)</source>
        <translation>A folder holding one folder of pictures per class (the folder names become the class names)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Fine-tune the last block</source>
        <translation>Fine-tune the last block</translation>
    </message>
    <message>
        <source>Also train the backbone&apos;s last block: slower, sometimes more accurate</source>
        <translation>Also train the backbone&apos;s last block: slower, sometimes more accurate</translation>
    </message>
    <message>
        <source>Augment the pictures</source>
        <translation>Augment the pictures</translation>
    </message>
    <message>
        <source>Flip, turn, zoom and change the contrast a little, so the model sees more variety</source>
        <translation>Flip, turn, zoom and change the contrast a little, so the model sees more variety</translation>
    </message>
    <message>
        <source>Passes over the training pictures; training stops early when the validation loss stops falling</source>
        <translation>Passes over the training pictures; training stops early when the validation loss stops falling</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Its ImageNet weights are not on this computer</source>
        <translation>Its ImageNet weights are not on this computer</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Bundled shapes model</source>
        <translation>Bundled shapes model</translation>
    </message>
    <message>
        <source>Small CNN from scratch</source>
        <translation>Small CNN from scratch</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Train a new classifier on the chosen data</source>
        <translation>Train a new classifier on the chosen data</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>End training now and keep the best epoch</source>
        <translation>End training now and keep the best epoch</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Save model…</translation>
    </message>
    <message>
        <source>Write the model (.keras) and its class names, then open it in the window</source>
        <translation>Write the model (.keras) and its class names, then open it in the window</translation>
    </message>
    <message>
        <source>Export metrics…</source>
        <translation>Export metrics…</translation>
    </message>
    <message>
        <source>The history as CSV and everything as JSON beside it</source>
        <translation>The history as CSV and everything as JSON beside it</translation>
    </message>
    <message>
        <source>No data read yet.</source>
        <translation>No data read yet.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Training and validation loss, once training starts</source>
        <translation>Training and validation loss, once training starts</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>accuracy</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Training and validation accuracy, once training starts</source>
        <translation>Training and validation accuracy, once training starts</translation>
    </message>
    <message>
        <source>Each row as shares of its true class instead of counts</source>
        <translation>Each row as shares of its true class instead of counts</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are the true classes, columns what the model said. Click a cell.</source>
        <translation>Confusion matrix: rows are the true classes, columns what the model said. Click a cell.</translation>
    </message>
    <message>
        <source>The most confident mistakes, after training</source>
        <translation>The most confident mistakes, after training</translation>
    </message>
    <message>
        <source>The network whose features the new classifier learns from; Automatic: a small CNN from scratch for small pictures, else a pretrained one; greyed out: its ImageNet weights are not on this computer</source>
        <translation>The network whose features the new classifier learns from; Automatic: a small CNN from scratch for small pictures, else a pretrained one; greyed out: its ImageNet weights are not on this computer</translation>
    </message>
    <message>
        <source>Test folder…</source>
        <translation>Test folder…</translation>
    </message>
    <message>
        <source>Optional: a folder with the same class folders, judged after training instead of the validation pictures</source>
        <translation>Optional: a folder with the same class folders, judged after training instead of the validation pictures</translation>
    </message>
    <message>
        <source>No test folder</source>
        <translation>No test folder</translation>
    </message>
    <message>
        <source>Judge the model on the validation pictures again</source>
        <translation>Judge the model on the validation pictures again</translation>
    </message>
    <message>
        <source>A separate test folder needs a folder of class folders as the data.</source>
        <translation>A separate test folder needs a folder of class folders as the data.</translation>
    </message>
    <message numerus="yes">
        <source>Test folder {0}: %n pictures, judged after training instead of the validation pictures.</source>
        <translation>
            <numerusform>Test folder {0}: %n picture, judged after training instead of the validation pictures.</numerusform>
            <numerusform>Test folder {0}: %n pictures, judged after training instead of the validation pictures.</numerusform>
        </translation>
    </message>
    <message>
        <source>Test folder {0}.</source>
        <translation>Test folder {0}.</translation>
    </message>
    <message>
        <source>No test folder: the model is judged on the validation pictures.</source>
        <translation>No test folder: the model is judged on the validation pictures.</translation>
    </message>
    <message>
        <source>Row shares (%)</source>
        <translation>Row shares (%)</translation>
    </message>
    <message>
        <source>Drop any picture on this tab to see what the model says.</source>
        <translation>Drop any picture on this tab to see what the model says.</translation>
    </message>
    <message>
        <source>Folder of class folders</source>
        <translation>Folder of class folders</translation>
    </message>
    <message>
        <source>Test folder of class folders</source>
        <translation>Test folder of class folders</translation>
    </message>
    <message>
        <source>Stop the training before changing its data.</source>
        <translation>Stop the training before changing its data.</translation>
    </message>
    <message>
        <source>Choose a folder of class folders as the data first; the test folder needs the same class names.</source>
        <translation>Choose a folder of class folders as the data first; the test folder needs the same class names.</translation>
    </message>
    <message>
        <source>reading the pictures</source>
        <translation>reading the pictures</translation>
    </message>
    <message>
        <source>Reading the pictures…</source>
        <translation>Reading the pictures…</translation>
    </message>
    <message numerus="yes">
        <source>%n pictures in {0} classes; {1} of each class is kept for validation.</source>
        <translation>
            <numerusform>%n picture in {0} classes; {1} of each class is kept for validation.</numerusform>
            <numerusform>%n pictures in {0} classes; {1} of each class is kept for validation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n files that are not readable pictures: {0}{1}</source>
        <translation>
            <numerusform>Skipped %n file that is not a readable picture: {0}{1}</numerusform>
            <numerusform>Skipped %n files that are not readable pictures: {0}{1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n pictures</source>
        <translation>
            <numerusform>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n picture</numerusform>
            <numerusform>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n pictures</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Start to train a classifier on these pictures.</source>
        <translation>Press Start to train a classifier on these pictures.</translation>
    </message>
    <message>
        <source>The data cannot be used: {0}</source>
        <translation>The data cannot be used: {0}</translation>
    </message>
    <message>
        <source>Building the model…</source>
        <translation>Building the model…</translation>
    </message>
    <message>
        <source>building the model</source>
        <translation>building the model</translation>
    </message>
    <message>
        <source>Chosen for these pictures: {0} at {1}×{1} px.</source>
        <translation>Chosen for these pictures: {0} at {1}×{1} px.</translation>
    </message>
    <message>
        <source>No augmentation: every class has enough pictures of its own.</source>
        <translation>No augmentation: every class has enough pictures of its own.</translation>
    </message>
    <message>
        <source>Paused after epoch {0}. Resume goes on from here; Stop keeps the best epoch.</source>
        <translation>Paused after epoch {0}. Resume goes on from here; Stop keeps the best epoch.</translation>
    </message>
    <message>
        <source>Restoring the best epoch and evaluating…</source>
        <translation>Restoring the best epoch and evaluating…</translation>
    </message>
    <message>
        <source>epoch {0} of {1}</source>
        <translation>epoch {0} of {1}</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>about {0} left</translation>
    </message>
    <message>
        <source>validation accuracy {0}</source>
        <translation>validation accuracy {0}</translation>
    </message>
    <message>
        <source>training</source>
        <translation>training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>Finished: accuracy on the test folder {0} (best epoch {1}, {2}). Save the model to explore it in Activations and Adversarial.</source>
        <translation>Finished: accuracy on the test folder {0} (best epoch {1}, {2}). Save the model to explore it in Activations and Adversarial.</translation>
    </message>
    <message>
        <source>Finished: validation accuracy {0} (best epoch {1}, {2}). Save the model to explore it in Activations and Adversarial.</source>
        <translation>Finished: validation accuracy {0} (best epoch {1}, {2}). Save the model to explore it in Activations and Adversarial.</translation>
    </message>
    <message>
        <source>Best epoch: {0}</source>
        <translation>Best epoch: {0}</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Stopped: {0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Confusion matrix of the test folder&apos;s pictures: rows are the true classes, columns what the model said. Click a cell.</source>
        <translation>Confusion matrix of the test folder&apos;s pictures: rows are the true classes, columns what the model said. Click a cell.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>No mistakes on the test folder&apos;s pictures.</source>
        <translation>No mistakes on the test folder&apos;s pictures.</translation>
    </message>
    <message>
        <source>No mistakes on the validation pictures.</source>
        <translation>No mistakes on the validation pictures.</translation>
    </message>
    <message>
        <source>The most confident mistakes (first: a {0} taken for a {1}, {2} sure).</source>
        <translation>The most confident mistakes (first: a {0} taken for a {1}, {2} sure).</translation>
    </message>
    <message numerus="yes">
        <source>%n {0} pictures recognised</source>
        <translation>
            <numerusform>%n {0} picture recognised</numerusform>
            <numerusform>%n {0} pictures recognised</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n {0} pictures taken for {1}</source>
        <translation>
            <numerusform>%n {0} picture taken for {1}</numerusform>
            <numerusform>%n {0} pictures taken for {1}</numerusform>
        </translation>
    </message>
    <message>
        <source>Train a model first; then drop a picture to see what it says.</source>
        <translation>Train a model first; then drop a picture to see what it says.</translation>
    </message>
    <message>
        <source>classifying</source>
        <translation>classifying</translation>
    </message>
    <message>
        <source>What the model says about {0}:</source>
        <translation>What the model says about {0}:</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Save model</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Keras models (*.keras)</translation>
    </message>
    <message>
        <source>saving the model</source>
        <translation>saving the model</translation>
    </message>
    <message>
        <source>Saved {0} with its class names; it is now open in the window.</source>
        <translation>Saved {0} with its class names; it is now open in the window.</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Export metrics</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>Cannot create a folder for the model: {0}.</source>
        <translation>Cannot create a folder for the model: {0}.</translation>
    </message>
</context>
</TS>
