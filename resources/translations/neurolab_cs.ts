<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cs_CZ" sourcelanguage="en">
<context>
    <name>ActivationsTab</name>
    <message>
        <source>Open image…</source>
        <translation>Otevřít obrázek…</translation>
    </message>
    <message>
        <source>Open a photo of any size (or drop one on the window)</source>
        <translation>Otevřít fotku libovolné velikosti (nebo ji přetáhněte do okna)</translation>
    </message>
    <message>
        <source>Native size</source>
        <translation>Nativní velikost</translation>
    </message>
    <message>
        <source>Resize the image to the model&apos;s input size instead of running the filters over it at its own size</source>
        <translation>Přeškálovat obrázek na vstupní velikost modelu, místo aby filtry prošly obrázek v jeho vlastní velikosti</translation>
    </message>
    <message>
        <source>Overlay on image</source>
        <translation>Překrýt přes obrázek</translation>
    </message>
    <message>
        <source>Show the chosen channel as a heat map over the image</source>
        <translation>Zobrazit vybraný kanál jako teplotní mapu přes obrázek</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Šedá</translation>
    </message>
    <message>
        <source>Cividis (colour-blind safe)</source>
        <translation>Cividis (vhodná i pro barvoslepé)</translation>
    </message>
    <message>
        <source>How activations are coloured: grey runs from black (weak) to white (strong); cividis from dark blue to yellow, readable with any colour vision</source>
        <translation>Jak se aktivace barví: šedá vede od černé (slabá) po bílou (silná), cividis od tmavě modré po žlutou a je čitelná při jakémkoli barevném vidění</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Barvy:</translation>
    </message>
    <message>
        <source>Each tile its own</source>
        <translation>Každá dlaždice zvlášť</translation>
    </message>
    <message>
        <source>Shared by all tiles</source>
        <translation>Společné pro všechny</translation>
    </message>
    <message>
        <source>Each tile its own: every channel is stretched from its lowest to its highest value, so weak filters show too. Shared: one scale for the whole layer, so you can see which filters respond strongly.</source>
        <translation>Každá dlaždice zvlášť: každý kanál se roztáhne od své nejnižší po nejvyšší hodnotu, takže jsou vidět i slabé filtry. Společné: jedno měřítko pro celou vrstvu, takže je vidět, které filtry reagují silně.</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Měřítko:</translation>
    </message>
    <message>
        <source>Gamma below 1 brightens the weak values of dark mosaics (ReLU layers are mostly black); 1 shows values as they are</source>
        <translation>Gama menší než 1 zesvětlí slabé hodnoty tmavých mozaik (vrstvy ReLU jsou většinou černé); 1 ukazuje hodnoty tak, jak jsou</translation>
    </message>
    <message>
        <source>&amp;Gamma:</source>
        <translation>&amp;Gama:</translation>
    </message>
    <message>
        <source>Save mosaic…</source>
        <translation>Uložit mozaiku…</translation>
    </message>
    <message>
        <source>&amp;Save mosaic…</source>
        <translation>Uložit mo&amp;zaiku…</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>Není vybrána žádná vrstva</translation>
    </message>
    <message>
        <source>Drop an image here, then pick a layer in the tree on the left.</source>
        <translation>Přetáhněte sem obrázek a pak vyberte vrstvu ve stromu vlevo.</translation>
    </message>
    <message>
        <source>Each tile is one channel; white = strong. Click a tile to see it large.</source>
        <translation>Každá dlaždice je jeden kanál; bílá = silná aktivace. Kliknutím na dlaždici ji zvětšíte.</translation>
    </message>
    <message>
        <source>What does this filter want?</source>
        <translation>Co tenhle filtr chce vidět?</translation>
    </message>
    <message>
        <source>Grow a picture this filter answers as strongly as it can (the Features tab), the mirror of its activation here</source>
        <translation>Vypěstovat obrázek, na který tenhle filtr odpovídá co nejsilněji (karta Rysy) – zrcadlo jeho aktivace tady</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Žádný obrázek</translation>
    </message>
    <message>
        <source>Click a tile of the mosaic</source>
        <translation>Klikněte na dlaždici mozaiky</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Vstup</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanál</translation>
    </message>
    <message>
        <source>The channel shown large: the keyboard&apos;s way of clicking a tile</source>
        <translation>Kanál zobrazený ve velkém: klávesnicová obdoba kliknutí na dlaždici</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivace</translation>
    </message>
    <message>
        <source>white = strong</source>
        <translation>bílá = silná</translation>
    </message>
    <message>
        <source>yellow = strong, dark blue = weak</source>
        <translation>žlutá = silná, tmavě modrá = slabá</translation>
    </message>
    <message>
        <source>Each tile is one channel; {0}. Click a tile to see it large.</source>
        <translation>Každá dlaždice je jeden kanál; {0}. Kliknutím na dlaždici ji zvětšíte.</translation>
    </message>
    <message>
        <source>Activations need a model that takes one image. {0} Its layers are in the table on the left.</source>
        <translation>Aktivace potřebují model, který bere jeden obrázek. {0} Jeho vrstvy jsou v tabulce vlevo.</translation>
    </message>
    <message>
        <source>No activations for this model</source>
        <translation>Tento model nemá aktivace obrázku</translation>
    </message>
    <message>
        <source>Input: {0} resized to {1}×{2}</source>
        <translation>Vstup: {0} ve velikosti {1}×{2}</translation>
    </message>
    <message>
        <source>Input: {0} ({1}×{2})</source>
        <translation>Vstup: {0} ({1}×{2})</translation>
    </message>
    <message>
        <source>Computing activations…</source>
        <translation>Výpočet aktivací…</translation>
    </message>
    <message>
        <source>Pick a layer in the tree on the left</source>
        <translation>Vyberte vrstvu ve stromu vlevo</translation>
    </message>
    <message>
        <source>{0}: waiting for activations…</source>
        <translation>{0}: čeká se na aktivace…</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n units, one cell each (brightness = value)</source>
        <translation>
            <numerusform>{0}: %n neuron, jedno políčko (jas = hodnota)</numerusform>
            <numerusform>{0}: %n neurony, každý jedno políčko (jas = hodnota)</numerusform>
            <numerusform>{0}: %n neuronů, každý jedno políčko (jas = hodnota)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}: {1} — %n channels</source>
        <translation>
            <numerusform>{0}: {1} — %n kanál</numerusform>
            <numerusform>{0}: {1} — %n kanály</numerusform>
            <numerusform>{0}: {1} — %n kanálů</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: no activations</source>
        <translation>{0}: žádné aktivace</translation>
    </message>
    <message>
        <source>The table on the left gives sizes for the network&apos;s {0}×{1} input; this mosaic is for the photo at its own size, {2}×{3} (height×width). Native size resizes the photo to the input size first.</source>
        <translation>Tabulka vlevo uvádí velikosti pro vstup sítě {0}×{1}; tato mozaika je spočítaná pro fotku v její vlastní velikosti {2}×{3} (výška×šířka). Nativní velikost fotku nejdřív převede na velikost vstupu.</translation>
    </message>
    <message>
        <source>This layer needs the model&apos;s input size, so the image was resized to {0}×{1} for it.</source>
        <translation>Tato vrstva potřebuje vstupní velikost modelu, proto byl obrázek pro ni přeškálován na {0}×{1}.</translation>
    </message>
    <message>
        <source>Heat map:</source>
        <translation>Tepelná mapa:</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Hodnoty:</translation>
    </message>
    <message>
        <source>Unit {0} of {1}</source>
        <translation>Neuron {0} z {1}</translation>
    </message>
    <message>
        <source>Channel {0} of {1}</source>
        <translation>Kanál {0} z {1}</translation>
    </message>
    <message>
        <source>All units:</source>
        <translation>Všechny neurony:</translation>
    </message>
    <message>
        <source>All tiles:</source>
        <translation>Všechny dlaždice:</translation>
    </message>
    <message>
        <source>Tile {0}:</source>
        <translation>Dlaždice {0}:</translation>
    </message>
    <message>
        <source>Save mosaic</source>
        <translation>Uložit mozaiku</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Obrázek PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo: {0}</translation>
    </message>
</context>
<context>
    <name>AdversarialTab</name>
    <message>
        <source>Open image…</source>
        <translation>Otevřít obrázek…</translation>
    </message>
    <message>
        <source>What a person says the image shows</source>
        <translation>Co podle člověka obrázek zobrazuje</translation>
    </message>
    <message>
        <source>Drop an image here</source>
        <translation>Přetáhněte sem obrázek</translation>
    </message>
    <message>
        <source>Run an attack, grow a fooling image or blend with noise</source>
        <translation>Spusťte útok, vytvořte klamný obraz nebo obrázek prolněte se šumem</translation>
    </message>
    <message>
        <source>Perturbation (amplified)</source>
        <translation>Perturbace (zesílená)</translation>
    </message>
    <message>
        <source>A person says:</source>
        <translation>Člověk říká:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Original&lt;/b&gt;</source>
        <translation>&lt;b&gt;Původní&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Changed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Změněný&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Adversarial</source>
        <translation>Adversariální příklady</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>Útok</translation>
    </message>
    <message>
        <source>Fool from noise</source>
        <translation>Oklamat ze šumu</translation>
    </message>
    <message>
        <source>Blend</source>
        <translation>Prolnutí</translation>
    </message>
    <message>
        <source>Save result…</source>
        <translation>Uložit výsledek…</translation>
    </message>
    <message>
        <source>Another model to classify the changed image with</source>
        <translation>Jiný model, kterým se změněný obrázek klasifikuje</translation>
    </message>
    <message>
        <source>Check with</source>
        <translation>Ověřit modelem</translation>
    </message>
    <message>
        <source>PGD (iterative)</source>
        <translation>PGD (iterativní)</translation>
    </message>
    <message>
        <source>FGSM (one step)</source>
        <translation>FGSM (jeden krok)</translation>
    </message>
    <message>
        <source> / 255</source>
        <translation> / 255</translation>
    </message>
    <message>
        <source>Largest change of any pixel, in levels of 0–255</source>
        <translation>Největší změna kteréhokoli pixelu v úrovních 0–255</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>PGD step in pixel levels; auto = ε/4 (FGSM takes one step of ε)</source>
        <translation>Krok PGD v úrovních pixelu; auto = ε/4 (FGSM udělá jeden krok velikosti ε)</translation>
    </message>
    <message>
        <source>Random start</source>
        <translation>Náhodný start</translation>
    </message>
    <message>
        <source>(any other class — untargeted)</source>
        <translation>(jakákoli jiná třída — necílený útok)</translation>
    </message>
    <message>
        <source>Attack</source>
        <comment>button</comment>
        <translation>Zaútočit</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>&lt;b&gt;Start:&lt;/b&gt; {0}</source>
        <translation>&lt;b&gt;Výchozí obraz:&lt;/b&gt; {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perturbation&lt;/b&gt; (amplified)</source>
        <translation>&lt;b&gt;Perturbace&lt;/b&gt; (zesílená)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perturbation × {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Perturbace × {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Grey: unchanged ({0} of the pixel values); lighter: raised; darker: lowered.</source>
        <translation>Šedá: beze změny ({0} hodnot pixelů); světlejší: zvýšeno; tmavší: sníženo.</translation>
    </message>
    <message>
        <source>weight {0}</source>
        <translation>váha {0}</translation>
    </message>
    <message>
        <source>The network is {0} sure this is a {1}. Does it look like one to you?</source>
        <translation>Síť si je na {0} jistá, že jde o třídu {1}. Připadá vám to tak?</translation>
    </message>
    <message>
        <source>The network now says {0} ({1}).</source>
        <translation>Síť teď říká {0} ({1}).</translation>
    </message>
    <message>
        <source>The network still says {0} ({1}).</source>
        <translation>Síť stále říká {0} ({1}).</translation>
    </message>
    <message>
        <source>To a person the image is {0} the same: SSIM {1}, largest pixel change {2}/255, PSNR {3} dB.</source>
        <translation>Pro člověka je obrázek {z} {0} stejný: SSIM {1}, největší změna pixelu {2}/255, PSNR {3} dB.</translation>
    </message>
    <message>
        <source>{0} says: {1} ({2})</source>
        <translation>{0} říká: {1} ({2})</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>kroky</translation>
    </message>
    <message>
        <source>type what you see</source>
        <translation>napište, co vidíte</translation>
    </message>
    <message>
        <source>Explain the changed image</source>
        <translation>Vysvětlit změněný obrázek</translation>
    </message>
    <message>
        <source>Where does the network look, in the photo and in the changed image, for the old and the new label? (the Explain tab)</source>
        <translation>Kam se síť dívá na fotografii a na změněném obrázku, u staré a u nové třídy? (karta Vysvětlení)</translation>
    </message>
    <message>
        <source>The model has several outputs: the one whose scores name the classes</source>
        <translation>Model má několik výstupů: ten, jehož skóre určují třídy</translation>
    </message>
    <message>
        <source>Classes from &amp;output:</source>
        <translation>Třídy z &amp;výstupu:</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>velikost kroku</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metoda:</translation>
    </message>
    <message>
        <source>Make the network say:</source>
        <translation>Ať síť řekne:</translation>
    </message>
    <message>
        <source>random noise</source>
        <translation>náhodný šum</translation>
    </message>
    <message>
        <source>plain grey</source>
        <translation>jednolitá šedá</translation>
    </message>
    <message>
        <source>Grow fooling image</source>
        <translation>Vytvořit klamný obraz</translation>
    </message>
    <message>
        <source>from</source>
        <translation>výchozí:</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Třída:</translation>
    </message>
    <message>
        <source>Does the result resemble its class in any way?</source>
        <translation>Podobá se výsledek své třídě aspoň trochu?</translation>
    </message>
    <message>
        <source>the last perturbation or fooling image</source>
        <translation>poslední perturbace nebo klamný obraz</translation>
    </message>
    <message>
        <source>an image file…</source>
        <translation>soubor s obrázkem…</translation>
    </message>
    <message>
        <source>Blend</source>
        <comment>button</comment>
        <translation>Prolnout</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Šum:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Váha:</translation>
    </message>
    <message>
        <source>noise weight</source>
        <translation>váha šumu</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>pravděpodobnost</translation>
    </message>
    <message>
        <source>The person&apos;s class as noise is mixed in</source>
        <translation>Třída podle člověka, jak přibývá šumu</translation>
    </message>
    <message>
        <source>Probability of the person&apos;s class against the noise weight; the red line is where the network changes its mind</source>
        <translation>Pravděpodobnost třídy určené člověkem v závislosti na váze šumu; červená čára ukazuje, kde síť změní názor</translation>
    </message>
    <message>
        <source>Adversarial images need a model that takes one image. {0}</source>
        <translation>Adversariální příklady potřebují model, který bere jeden obrázek. {0}</translation>
    </message>
    <message>
        <source>Adversarial images need a classifier. {0} Its activations are in the Activations tab.</source>
        <translation>Adversariální příklady potřebují klasifikátor. {0} Jeho aktivace jsou na kartě Aktivace.</translation>
    </message>
    <message>
        <source>classifying</source>
        <translation>klasifikace</translation>
    </message>
    <message>
        <source>Choose a class from the list.</source>
        <translation>Vyberte třídu ze seznamu.</translation>
    </message>
    <message>
        <source>Open noise image</source>
        <translation>Otevřít obrázek šumu</translation>
    </message>
    <message>
        <source>measuring</source>
        <translation>měření</translation>
    </message>
    <message>
        <source>Loading {0}…</source>
        <translation>Načítání {0}…</translation>
    </message>
    <message>
        <source>checking transfer</source>
        <translation>ověřování přenositelnosti</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Uložit výsledek</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Obrázek PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo: {0}</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrix</name>
    <message>
        <source>True class {0}, predicted {1}: {2} pictures ({3} of the row)</source>
        <translation>Skutečná třída {0}, předpověď {1}: obrázků {2} ({3} řádku)</translation>
    </message>
</context>
<context>
    <name>CorePhrases</name>
    <message>
        <source>Unknown attack method {0}: use fgsm or pgd.</source>
        <translation>Neznámá metoda útoku {0}: použijte fgsm nebo pgd.</translation>
    </message>
    <message>
        <source>Epsilon must be between {0} and {1} pixel levels (of 0–255), not {2}.</source>
        <translation>Epsilon musí být mezi {0} a {1} úrovněmi pixelů (z 0–255), ne {2}.</translation>
    </message>
    <message>
        <source>attacking</source>
        <translation>útok</translation>
    </message>
    <message>
        <source>rounding to 8 bits</source>
        <translation>zaokrouhlování na 8 bitů</translation>
    </message>
    <message>
        <source>A fooling image needs a positive size, not {0}.</source>
        <translation>Klamný obrázek potřebuje kladnou velikost, ne {0}.</translation>
    </message>
    <message>
        <source>Unknown start {0}: use noise or grey.</source>
        <translation>Neznámý začátek {0}: použijte noise nebo grey.</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>vytváření obrazu</translation>
    </message>
    <message>
        <source>Unknown blend mode {0}: use add or mix.</source>
        <translation>Neznámý režim prolnutí {0}: použijte add nebo mix.</translation>
    </message>
    <message>
        <source>blending</source>
        <translation>prolínání</translation>
    </message>
    <message>
        <source>The target class {0} does not exist: the model has {1} classes (0–{2}).</source>
        <translation>Cílová třída {0} neexistuje: model rozlišuje třídy 0–{2} (celkem {1}).</translation>
    </message>
    <message>
        <source>The true class {0} does not exist: the model has {1} classes (0–{2}).</source>
        <translation>Skutečná třída {0} neexistuje: model rozlišuje třídy 0–{2} (celkem {1}).</translation>
    </message>
    <message>
        <source>An image must be height × width × 3, not {0}.</source>
        <translation>Obrázek musí mít rozměry výška × šířka × 3, ne {0}.</translation>
    </message>
    <message>
        <source>An image must hold 8-bit pixels (uint8), not {0}.</source>
        <translation>Obrázek musí mít 8bitové pixely (uint8), ne {0}.</translation>
    </message>
    <message>
        <source>Cannot compare images of different sizes ({0} and {1}).</source>
        <translation>Nelze porovnat obrázky různých velikostí ({0} a {1}).</translation>
    </message>
    <message>
        <source>This computer&apos;s processor lacks {0}, which TensorFlow needs, so neurolab cannot compute anything on it; use a PC made after about 2012.</source>
        <translation>Procesoru tohoto počítače chybí {0}, které TensorFlow potřebuje, takže na něm neurolab nemůže nic počítat; použijte počítač vyrobený zhruba po roce 2012.</translation>
    </message>
    <message>
        <source>Unknown method {0}: use {1}.</source>
        <translation>Neznámá metoda {0}: použijte {1}.</translation>
    </message>
    <message>
        <source>{0} must be between {1} and {2}, not {3}.</source>
        <translation>{0} musí být mezi {1} a {2}, ne {3}.</translation>
    </message>
    <message>
        <source>preparing {0}</source>
        <translation>připravuji {0}</translation>
    </message>
    <message>
        <source>Grad-CAM of {0}</source>
        <translation>Grad-CAM vrstvy {0}</translation>
    </message>
    <message>
        <source>Grad-CAM++ of {0}</source>
        <translation>Grad-CAM++ vrstvy {0}</translation>
    </message>
    <message>
        <source>gradient saliency</source>
        <translation>gradientní mapa důležitosti</translation>
    </message>
    <message>
        <source>SmoothGrad: {0} of {1} noisy copies</source>
        <translation>SmoothGrad: {0} z {1} zašuměných kopií</translation>
    </message>
    <message>
        <source>occlusion: {0} of {1} squares</source>
        <translation>zakrývání: {0} z {1} čtverců</translation>
    </message>
    <message>
        <source>RISE: {0} of {1} masks</source>
        <translation>RISE: {0} z {1} masek</translation>
    </message>
    <message>
        <source>The layer {0} is used more than once in the network, so it has no single map to explain; choose another layer.</source>
        <translation>Vrstva {0} je v síti použita víckrát, takže nemá jedinou mapu k vysvětlení; zvolte jinou vrstvu.</translation>
    </message>
    <message>
        <source>The layer {0} does not lead to the class scores; choose a layer before the output that classifies.</source>
        <translation>Vrstva {0} nevede ke skóre tříd; zvolte vrstvu před výstupem, který klasifikuje.</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer whose output is a map (height × width × channels); {0} gives {1} values.</source>
        <translation>Grad-CAM potřebuje vrstvu, jejímž výstupem je mapa (výška × šířka × kanály); {0} dává {1} hodnot.</translation>
    </message>
    <message>
        <source>{0} has no layer with a spatial map, so Grad-CAM cannot be used; try saliency, occlusion or RISE.</source>
        <translation>{0} nemá žádnou vrstvu s prostorovou mapou, takže Grad-CAM nelze použít; zkuste mapu důležitosti, zakrývání nebo RISE.</translation>
    </message>
    <message>
        <source>No layer called {0} in {1}.</source>
        <translation>V {1} není žádná vrstva {0}.</translation>
    </message>
    <message>
        <source>Unknown parameterisation {0}: use {1}.</source>
        <translation>Neznámá parametrizace {0}: použijte {1}.</translation>
    </message>
    <message>
        <source>Choose at least one layer to dream with.</source>
        <translation>Vyberte pro snění aspoň jednu vrstvu.</translation>
    </message>
    <message>
        <source>Channels must be numbers such as {0}, or all; not {1}.</source>
        <translation>Kanály musí být čísla jako {0} nebo all, ne {1}.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Vyberte aspoň jeden kanál.</translation>
    </message>
    <message>
        <source>Channel {0} does not exist: the layer has {1} channels ({2}–{3}).</source>
        <translation>Kanál {0} neexistuje: vrstva má {1} kanálů ({2}–{3}).</translation>
    </message>
    <message>
        <source>{0} works only at the network&apos;s input size, so its images are {1}×{2} pixels.</source>
        <translation>{0} pracuje jen ve vstupní velikosti sítě, proto mají její obrázky {1}×{2} pixelů.</translation>
    </message>
    <message>
        <source>preparing class images</source>
        <translation>připravuji obrázky tříd</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>krok {0} z {1}</translation>
    </message>
    <message>
        <source>Deep dream needs a colour photo (height × width × 3).</source>
        <translation>Deep dream potřebuje barevnou fotografii (výška × šířka × 3).</translation>
    </message>
    <message>
        <source>The photo has {0} pixels; deep dream takes at most {1}.</source>
        <translation>Fotografie má {0} pixelů; deep dream zvládne nejvýš {1}.</translation>
    </message>
    <message>
        <source>preparing deep dream</source>
        <translation>připravuji deep dream</translation>
    </message>
    <message>
        <source>octave {0} of {1}</source>
        <translation>oktáva {0} z {1}</translation>
    </message>
    <message>
        <source>The layer {0} has no filters or units to visualise; choose a convolution, an activation or a dense layer.</source>
        <translation>Vrstva {0} nemá filtry ani neurony, které by šlo zobrazit; vyberte konvoluci, aktivaci nebo plně propojenou vrstvu.</translation>
    </message>
    <message>
        <source>Deep dream needs layers that work at any image size; {0} works only at the network&apos;s input size. Choose a convolutional layer.</source>
        <translation>Deep dream potřebuje vrstvy, které pracují s obrázkem libovolné velikosti; {0} pracuje jen ve vstupní velikosti sítě. Vyberte konvoluční vrstvu.</translation>
    </message>
    <message>
        <source>Cannot create the checkpoint folder {0} ({1}).</source>
        <translation>Složku kontrolních bodů {0} nelze vytvořit ({1}).</translation>
    </message>
    <message>
        <source>write failed</source>
        <translation>zápis selhal</translation>
    </message>
    <message>
        <source>{0} is not a folder, so no checkpoint can be written there.</source>
        <translation>{0} není složka, proto do ní nelze zapsat kontrolní bod.</translation>
    </message>
    <message>
        <source>Cannot write a checkpoint into {0} ({1}).</source>
        <translation>Do složky {0} nelze zapsat kontrolní bod ({1}).</translation>
    </message>
    <message>
        <source>{0} has no manifest (it was not written completely).</source>
        <translation>{0} nemá manifest (nebyl zapsán celý).</translation>
    </message>
    <message>
        <source>{0} is not a neurolab GAN checkpoint.</source>
        <translation>{0} není kontrolní bod GAN z neurolabu.</translation>
    </message>
    <message>
        <source>{0} was written by a newer neurolab.</source>
        <translation>{0} zapsala novější verze neurolabu.</translation>
    </message>
    <message>
        <source>{0} lacks its file {1}.</source>
        <translation>Ve složce {0} chybí soubor {1}.</translation>
    </message>
    <message>
        <source>{0} is damaged ({1} does not match its checksum).</source>
        <translation>{0} je poškozený ({1} neodpovídá kontrolnímu součtu).</translation>
    </message>
    <message>
        <source>{0} has a damaged manifest ({1}).</source>
        <translation>{0} má poškozený manifest ({1}).</translation>
    </message>
    <message>
        <source>The checkpoint folder {0} was not found.</source>
        <translation>Složka kontrolních bodů {0} nebyla nalezena.</translation>
    </message>
    <message>
        <source>{0} is not a GAN checkpoint folder (it is a file).</source>
        <translation>{0} není složka kontrolních bodů GAN (je to soubor).</translation>
    </message>
    <message>
        <source>{0} is not a GAN checkpoint folder (no checkpoint found in it).</source>
        <translation>{0} není složka kontrolních bodů GAN (není v ní žádný kontrolní bod).</translation>
    </message>
    <message>
        <source>{0} cannot be read ({1}).</source>
        <translation>Soubor {0} nelze přečíst ({1}).</translation>
    </message>
    <message>
        <source>No usable checkpoint in {0}: the only one is damaged or incomplete. The newest: {1}</source>
        <translation>Ve složce {0} není žádný použitelný kontrolní bod: jediný je poškozený nebo neúplný. Nejnovější: {1}</translation>
    </message>
    <message>
        <source>No usable checkpoint in {0}: all {1} are damaged or incomplete. The newest: {2}</source>
        <translation>Ve složce {0} není žádný použitelný kontrolní bod: všechny ({1}) jsou poškozené nebo neúplné. Nejnovější: {2}</translation>
    </message>
    <message>
        <source>The picture size</source>
        <translation>Velikost obrázku</translation>
    </message>
    <message>
        <source>The picture size must be {0} or {1} px, not {2}.</source>
        <translation>Velikost obrázku musí být {0} nebo {1} px, ne {2}.</translation>
    </message>
    <message>
        <source>The latent size</source>
        <translation>Velikost latentního vektoru</translation>
    </message>
    <message>
        <source>The batch size</source>
        <translation>Velikost dávky</translation>
    </message>
    <message>
        <source>The number of epochs</source>
        <translation>Počet epoch</translation>
    </message>
    <message>
        <source>The generator&apos;s learning rate</source>
        <translation>Rychlost učení generátoru</translation>
    </message>
    <message>
        <source>The discriminator&apos;s learning rate</source>
        <translation>Rychlost učení diskriminátoru</translation>
    </message>
    <message>
        <source>beta_1 must be at least 0 and below 1, not {0}.</source>
        <translation>beta_1 musí být alespoň 0 a menší než 1, ne {0}.</translation>
    </message>
    <message>
        <source>The seed</source>
        <translation>Semínko náhody</translation>
    </message>
    <message>
        <source>The number of preview samples</source>
        <translation>Počet ukázek v náhledu</translation>
    </message>
    <message>
        <source>The preview interval (steps)</source>
        <translation>Interval náhledu (v krocích)</translation>
    </message>
    <message>
        <source>The network width</source>
        <translation>Šířka sítě</translation>
    </message>
    <message>
        <source>The history interval (steps)</source>
        <translation>Interval historie (v krocích)</translation>
    </message>
    <message>
        <source>{0} must be true or false, not {1}.</source>
        <translation>{0} musí být true nebo false, ne {1}.</translation>
    </message>
    <message>
        <source>The label smoothing must be at least 0 and below 0.5, not {0}.</source>
        <translation>Vyhlazení štítků musí být alespoň 0 a menší než 0,5, ne {0}.</translation>
    </message>
    <message>
        <source>The discriminator&apos;s dropout must be at least 0 and below 1, not {0}.</source>
        <translation>Dropout diskriminátoru musí být alespoň 0 a menší než 1, ne {0}.</translation>
    </message>
    <message>
        <source>{0} must be a whole number between {1} and {2}, not {3}.</source>
        <translation>{0} musí být celé číslo od {1} do {2}, ne {3}.</translation>
    </message>
    <message>
        <source>{0} must be a whole number at least {1}, not {2}.</source>
        <translation>{0} musí být celé číslo alespoň {1}, ne {2}.</translation>
    </message>
    <message>
        <source>{0} must be a positive number up to 1, not {1}.</source>
        <translation>{0} musí být kladné číslo nejvýše 1, ne {1}.</translation>
    </message>
    <message>
        <source>The GAN works on {0} or {1} px pictures, not {2} px.</source>
        <translation>GAN pracuje s obrázky o {0} nebo {1} px, ne {2} px.</translation>
    </message>
    <message>
        <source>The built-in set needs at least one picture, not {0}.</source>
        <translation>Vestavěná sada potřebuje alespoň jeden obrázek, ne {0}.</translation>
    </message>
    <message>
        <source>drawing the built-in shapes</source>
        <translation>kreslení vestavěných tvarů</translation>
    </message>
    <message>
        <source>built-in shapes ({0})</source>
        <translation>vestavěné tvary ({0})</translation>
    </message>
    <message>
        <source>{0} is not a folder.</source>
        <translation>{0} není složka.</translation>
    </message>
    <message>
        <source>The folder {0} was not found.</source>
        <translation>Složka {0} nebyla nalezena.</translation>
    </message>
    <message>
        <source>looking for pictures in {0}</source>
        <translation>hledání obrázků ve složce {0}</translation>
    </message>
    <message>
        <source>{0} is too large to fit in memory.</source>
        <translation>Obrázek {0} je příliš velký, nevejde se do paměti.</translation>
    </message>
    <message>
        <source>reading pictures in {0}</source>
        <translation>čtení obrázků ze složky {0}</translation>
    </message>
    <message>
        <source>No readable images in {0} ({1} file skipped).</source>
        <translation>Ve složce {0} nejsou žádné čitelné obrázky (přeskočený soubor: {1}).</translation>
    </message>
    <message>
        <source>No readable images in {0} ({1} files skipped).</source>
        <translation>Ve složce {0} nejsou žádné čitelné obrázky (přeskočené soubory: {1}).</translation>
    </message>
    <message>
        <source>drawing the shapes</source>
        <translation>kreslení tvarů</translation>
    </message>
    <message>
        <source>training the shape judge</source>
        <translation>učení posuzovatele tvarů</translation>
    </message>
    <message>
        <source>An interpolation needs at least 2 steps, not {0}.</source>
        <translation>Interpolace potřebuje alespoň 2 kroky, ne {0}.</translation>
    </message>
    <message>
        <source>The batch size ({0}) must be a multiple of the number of devices training together ({1}).</source>
        <translation>Velikost dávky ({0}) musí být násobkem počtu zařízení, která se učí společně ({1}).</translation>
    </message>
    <message>
        <source>The pictures are {0} px but this GAN draws {1} px pictures.</source>
        <translation>Obrázky mají {0} px, ale tato GAN kreslí obrázky o {1} px.</translation>
    </message>
    <message>
        <source>The GAN has no pictures to learn from yet.</source>
        <translation>GAN zatím nemá žádné obrázky, ze kterých by se učila.</translation>
    </message>
    <message>
        <source>epoch {0}/{1}</source>
        <translation>epocha {0}/{1}</translation>
    </message>
    <message>
        <source>The checkpoint {0} is damaged or from another program ({1}).</source>
        <translation>Kontrolní bod {0} je poškozený nebo pochází z jiného programu ({1}).</translation>
    </message>
    <message>
        <source>its settings cannot be used</source>
        <translation>jeho nastavení nelze použít</translation>
    </message>
    <message>
        <source>{0} is missing</source>
        <translation>chybí {0}</translation>
    </message>
    <message>
        <source>{0} variable {1} has shape {2}, expected {3}</source>
        <translation>proměnná {1} skupiny {0} má tvar {2}, očekáván {3}</translation>
    </message>
    <message>
        <source>{0} has more variables than this GAN</source>
        <translation>{0} má víc proměnných než tato GAN</translation>
    </message>
    <message>
        <source>Cannot save {0}: the folder &apos;{1}&apos; does not exist.</source>
        <translation>Soubor {0} nelze uložit: složka &apos;{1}&apos; neexistuje.</translation>
    </message>
    <message>
        <source>Cannot save {0}: permission denied.</source>
        <translation>Soubor {0} nelze uložit: přístup odepřen.</translation>
    </message>
    <message>
        <source>Cannot save {0} ({1}).</source>
        <translation>Soubor {0} nelze uložit ({1}).</translation>
    </message>
    <message>
        <source>drawing the graph&apos;s thumbnails</source>
        <translation>kreslím náhledy do grafu</translation>
    </message>
    <message>
        <source>{0} is a TIFF in a form neurolab cannot decode (an unusual compression); save it as PNG or JPEG.</source>
        <translation>Soubor {0} je TIFF v podobě, kterou neurolab neumí dekódovat (neobvyklá komprese); uložte ho jako PNG nebo JPEG.</translation>
    </message>
    <message>
        <source>{0} is a vector drawing (SVG), not a picture of pixels; export it as PNG.</source>
        <translation>Soubor {0} je vektorová kresba (SVG), ne obrázek z pixelů; exportujte ho jako PNG.</translation>
    </message>
    <message>
        <source>{0} is a HEIC photo, which neurolab cannot read; save it as JPEG.</source>
        <translation>Soubor {0} je fotografie HEIC, kterou neurolab neumí načíst; uložte ji jako JPEG.</translation>
    </message>
    <message>
        <source>{0} is not an image neurolab can read (supported: {1}).</source>
        <translation>Soubor {0} není obrázek, který neurolab umí načíst (podporované formáty: {1}).</translation>
    </message>
    <message>
        <source>{0} is empty (0 bytes).</source>
        <translation>Soubor {0} je prázdný (0 bajtů).</translation>
    </message>
    <message>
        <source>{0} is a folder, not an image file.</source>
        <translation>{0} je složka, ne soubor s obrázkem.</translation>
    </message>
    <message>
        <source>{0} was not found.</source>
        <translation>Soubor {0} nebyl nalezen.</translation>
    </message>
    <message>
        <source>{0} cannot be opened ({1}).</source>
        <translation>Soubor {0} nelze otevřít ({1}).</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>přístup odepřen</translation>
    </message>
    <message>
        <source>system error</source>
        <translation>chyba systému</translation>
    </message>
    <message>
        <source>{0} has no pixels ({1}×{2}).</source>
        <translation>Obrázek {0} nemá žádné pixely ({1}×{2}).</translation>
    </message>
    <message>
        <source>{0} is too large: {1}×{2} pixels is more than the {3} megapixel limit.</source>
        <translation>Obrázek {0} je příliš velký: {1}×{2} pixelů je víc než limit {3} megapixelů.</translation>
    </message>
    <message>
        <source>{0} is too large: {1} megapixels is more than the {2} megapixel limit.</source>
        <translation>Obrázek {0} je příliš velký: {1} megapixelů je víc než limit {2} megapixelů.</translation>
    </message>
    <message>
        <source>{0} is too large: {1} megapixels is more than the limit.</source>
        <translation>Obrázek {0} je příliš velký: {1} megapixelů je víc, než dovoluje limit.</translation>
    </message>
    <message>
        <source>{0} is too large: the image is more than the {1} megapixel limit.</source>
        <translation>Obrázek {0} je příliš velký: přesahuje limit {1} megapixelů.</translation>
    </message>
    <message>
        <source>{0} is too large: the image is more than the limit.</source>
        <translation>Obrázek {0} je příliš velký: přesahuje limit.</translation>
    </message>
    <message>
        <source>{0} is damaged or incomplete (the file ends too early).</source>
        <translation>Soubor {0} je poškozený nebo neúplný (soubor předčasně končí).</translation>
    </message>
    <message>
        <source>{0} is damaged or incomplete.</source>
        <translation>Soubor {0} je poškozený nebo neúplný.</translation>
    </message>
    <message>
        <source>{0} uses the colour mode {1}, which neurolab cannot show.</source>
        <translation>Obrázek {0} používá barevný režim {1}, který neurolab neumí zobrazit.</translation>
    </message>
    <message>
        <source>Cannot save {0}: the name must end in .png, .jpg or .jpeg.</source>
        <translation>Soubor {0} nelze uložit: název musí končit na .png, .jpg nebo .jpeg.</translation>
    </message>
    <message>
        <source>The model has no layer called {0}.</source>
        <translation>Model nemá vrstvu s názvem {0}.</translation>
    </message>
    <message>
        <source>{0}: needs the model&apos;s input size, so the image was resized to {1}×{2} for it.</source>
        <translation>{0}: potřebuje vstupní velikost modelu, proto byl obrázek pro ni přeškálován na {1}×{2}.</translation>
    </message>
    <message>
        <source>{0} could not be computed: {1}</source>
        <translation>Vrstvu {0} nelze spočítat: {1}</translation>
    </message>
    <message>
        <source>The image was scaled down to {0} ({1}×{2} → {3}×{4}) to keep its activations within the {5} MiB memory budget.</source>
        <translation>Obrázek byl zmenšen na {0} ({1}×{2} → {3}×{4}), aby se jeho aktivace vešly do paměťového limitu {5} MiB.</translation>
    </message>
    <message>
        <source>The image ({0}×{1}) is too small to pass through every layer at its own size, so the model&apos;s input size was used.</source>
        <translation>Obrázek ({0}×{1}) je příliš malý, aby ve své velikosti prošel všemi vrstvami, proto byla použita vstupní velikost modelu.</translation>
    </message>
    <message>
        <source>{0} cannot run in TensorFlow&apos;s traced pass for images of any size ({1}), so neurolab computed {2} one layer at a time at the image&apos;s own size, {3}×{4}.</source>
        <translation>{0} nelze spustit v trasovaném průchodu TensorFlow pro obrázky libovolné velikosti ({1}), proto neurolab spočítal {2} po jednotlivých vrstvách ve vlastní velikosti obrázku, {3}×{4}.</translation>
    </message>
    <message>
        <source>computing activations</source>
        <translation>výpočet aktivací</translation>
    </message>
    <message>
        <source>tiling channels</source>
        <translation>skládání kanálů do mozaiky</translation>
    </message>
    <message>
        <source>activations ready</source>
        <translation>aktivace hotové</translation>
    </message>
    <message>
        <source>{0} greyscale images</source>
        <translation>šedotónové obrázky {0}</translation>
    </message>
    <message>
        <source>{0} layer needs the model&apos;s native input size ({1}): {2}</source>
        <translation>{0} vrstva potřebuje nativní vstupní velikost modelu ({1}): {2}</translation>
    </message>
    <message>
        <source>{0} layers need the model&apos;s native input size ({1}): {2}</source>
        <translation>Nativní vstupní velikost modelu ({1}) potřebují vrstvy (celkem {0}): {2}</translation>
    </message>
    <message>
        <source>nested network with {0} layer</source>
        <translation>vnořená síť, počet vrstev {0}</translation>
    </message>
    <message>
        <source>nested network with {0} layers</source>
        <translation>vnořená síť, počet vrstev {0}</translation>
    </message>
    <message>
        <source>{0} with {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Clipped ReLU</source>
        <translation>omezená ReLU</translation>
    </message>
    <message>
        <source>Clipped ReLU with ceiling {0}</source>
        <translation>omezená ReLU se stropem {0}</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>sigmoida</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoida</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>Hyperbolic tangent</source>
        <translation>hyperbolický tangens</translation>
    </message>
    <message>
        <source>Swish</source>
        <translation>swish</translation>
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
        <translation>identita</translation>
    </message>
    <message>
        <source>{0} feature</source>
        <translation>počet příznaků {0}</translation>
    </message>
    <message>
        <source>{0} features</source>
        <translation>počet příznaků {0}</translation>
    </message>
    <message>
        <source>Sequence input with {0} dimension</source>
        <translation>sekvenční vstup, rozměr {0}</translation>
    </message>
    <message>
        <source>Sequence input with {0} dimensions</source>
        <translation>sekvenční vstup, rozměr {0}</translation>
    </message>
    <message>
        <source>{0} images</source>
        <translation>obrázky {0}</translation>
    </message>
    <message>
        <source>{0} groups of {1} {2} convolutions with stride {3}{4} and padding {5}{6}</source>
        <translation>počet skupin {0}, v každé {1}× konvoluce {2}, krok {3}{4}, doplnění {5}{6}</translation>
    </message>
    <message>
        <source>{0} {1} convolutions with stride {2}{3} and padding {4}{5}</source>
        <translation>{0}× konvoluce {1} s krokem {2}{3} a doplněním {4}{5}</translation>
    </message>
    <message>
        <source>, dilation {0}</source>
        <translation>, dilatace {0}</translation>
    </message>
    <message>
        <source>{0} groups of {1} {2} convolutions, then {3} {4} convolutions, with stride {5}{6} and padding {7}{8}</source>
        <translation>počet skupin {0}, v každé {1}× konvoluce {2}, potom {3}× konvoluce {4}; krok {5}{6}, doplnění {7}{8}</translation>
    </message>
    <message>
        <source>{0} {1} transposed convolutions with stride {2} and cropping {3}{4}</source>
        <translation>{0}× transponovaná konvoluce {1} s krokem {2} a oříznutím {3}{4}</translation>
    </message>
    <message>
        <source>{0} fully connected layer{1}</source>
        <translation>plně propojená vrstva, počet výstupů {0}{1}</translation>
    </message>
    <message>
        <source>Leaky ReLU with scale {0}</source>
        <translation>Leaky ReLU se sklonem {0}</translation>
    </message>
    <message>
        <source>Leaky ReLU with scale {0} and ceiling {1}</source>
        <translation>Leaky ReLU se sklonem {0} a stropem {1}</translation>
    </message>
    <message>
        <source>ELU with alpha {0}</source>
        <translation>ELU s parametrem alfa {0}</translation>
    </message>
    <message>
        <source>{0} max pooling with stride {1} and padding {2}</source>
        <translation>sdružování maximem {0} s krokem {1} a doplněním {2}</translation>
    </message>
    <message>
        <source>{0} average pooling with stride {1} and padding {2}</source>
        <translation>sdružování průměrem {0} s krokem {1} a doplněním {2}</translation>
    </message>
    <message>
        <source>Global max pooling</source>
        <translation>globální sdružování maximem</translation>
    </message>
    <message>
        <source>Global average pooling</source>
        <translation>globální sdružování průměrem</translation>
    </message>
    <message>
        <source>Batch normalization with {0} channel</source>
        <translation>dávková normalizace, počet kanálů {0}</translation>
    </message>
    <message>
        <source>Batch normalization with {0} channels</source>
        <translation>dávková normalizace, počet kanálů {0}</translation>
    </message>
    <message>
        <source>Layer normalization with {0} channel</source>
        <translation>normalizace vrstvy, počet kanálů {0}</translation>
    </message>
    <message>
        <source>Layer normalization with {0} channels</source>
        <translation>normalizace vrstvy, počet kanálů {0}</translation>
    </message>
    <message>
        <source>Group normalization with {0} groups of {1} channel</source>
        <translation>skupinová normalizace, počet skupin {0}, počet kanálů {1}</translation>
    </message>
    <message>
        <source>Group normalization with {0} groups of {1} channels</source>
        <translation>skupinová normalizace, počet skupin {0}, počet kanálů {1}</translation>
    </message>
    <message>
        <source>{0}% dropout</source>
        <translation>dropout {0} %</translation>
    </message>
    <message>
        <source>Reshape to {0}</source>
        <translation>změna tvaru na {0}</translation>
    </message>
    <message>
        <source>Depth concatenation of {0} inputs</source>
        <translation>spojení {0} vstupů do hloubky</translation>
    </message>
    <message>
        <source>Concatenation of {0} inputs along dimension {1}</source>
        <translation>spojení {0} vstupů podél dimenze {1}</translation>
    </message>
    <message>
        <source>padding {0}</source>
        <translation>doplnění {0}</translation>
    </message>
    <message>
        <source>cropping {0}</source>
        <translation>oříznutí {0}</translation>
    </message>
    <message>
        <source>scale {0}, offset {1}</source>
        <translation>měřítko {0}, posun {1}</translation>
    </message>
    <message>
        <source>Resize to {0}x{1} ({2})</source>
        <translation>změna velikosti na {0}x{1} ({2})</translation>
    </message>
    <message>
        <source>{0} upsampling ({1})</source>
        <translation>převzorkování nahoru {0} ({1})</translation>
    </message>
    <message>
        <source>Permute dimensions to {0}</source>
        <translation>přeházení rozměrů na {0}</translation>
    </message>
    <message>
        <source>nested network</source>
        <translation>vnořená síť</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>zploštění</translation>
    </message>
    <message>
        <source>Element-wise addition of {0} inputs</source>
        <translation>sčítání {0} vstupů po prvcích</translation>
    </message>
    <message>
        <source>Element-wise subtraction of {0} inputs</source>
        <translation>odčítání {0} vstupů po prvcích</translation>
    </message>
    <message>
        <source>Element-wise multiplication of {0} inputs</source>
        <translation>násobení {0} vstupů po prvcích</translation>
    </message>
    <message>
        <source>Element-wise average of {0} inputs</source>
        <translation>průměr {0} vstupů po prvcích</translation>
    </message>
    <message>
        <source>Element-wise maximum of {0} inputs</source>
        <translation>maximum {0} vstupů po prvcích</translation>
    </message>
    <message>
        <source>Element-wise minimum of {0} inputs</source>
        <translation>minimum {0} vstupů po prvcích</translation>
    </message>
    <message>
        <source>Mean and variance normalization</source>
        <translation>normalizace střední hodnotou a rozptylem</translation>
    </message>
    <message>
        <source>{0} is outside the class folder; on this classroom PC only files from that folder can be opened.</source>
        <translation>{0} leží mimo složku třídy; na tomto učebním počítači lze otevírat jen soubory z této složky.</translation>
    </message>
    <message>
        <source>{0} cannot be saved there; on this classroom PC results are saved only in the class output folder.</source>
        <translation>{0} sem nelze uložit; na tomto učebním počítači se výsledky ukládají jen do výstupní složky třídy.</translation>
    </message>
    <message>
        <source>The kiosk output folder &apos;{0}&apos; cannot be created ({1}); ask the administrator to fix {2}.</source>
        <translation>Výstupní složku kiosku &apos;{0}&apos; nelze vytvořit ({1}); požádejte správce, aby opravil {2}.</translation>
    </message>
    <message>
        <source>untrained — ImageNet weights not downloaded</source>
        <translation>nenaučený — váhy ImageNet nejsou stažené</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>předpoklad</translation>
    </message>
    <message>
        <source>from the file: it rescales inside</source>
        <translation>podle souboru: škáluje si je sám uvnitř</translation>
    </message>
    <message>
        <source>from the file: a Teachable Machine export</source>
        <translation>podle souboru: export z Teachable Machine</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>nastaveno vámi</translation>
    </message>
    <message>
        <source>raw 0-255 pixels</source>
        <translation>surové pixely 0–255</translation>
    </message>
    <message>
        <source>pixels scaled to [0, 1]</source>
        <translation>pixely škálované do [0, 1]</translation>
    </message>
    <message>
        <source>pixels scaled to [-1, 1]</source>
        <translation>pixely škálované do [-1, 1]</translation>
    </message>
    <message>
        <source>BGR, ImageNet mean subtracted (&apos;caffe&apos;)</source>
        <translation>BGR, odečtený průměr ImageNet (&apos;caffe&apos;)</translation>
    </message>
    <message>
        <source>The mean must be one number or three (R, G, B), for example {0}.</source>
        <translation>Průměr musí být jedno číslo nebo tři (R, G, B), například {0}.</translation>
    </message>
    <message>
        <source>The standard deviation must be one number or three (R, G, B), for example {0}.</source>
        <translation>Směrodatná odchylka musí být jedno číslo nebo tři (R, G, B), například {0}.</translation>
    </message>
    <message>
        <source>Unknown precision {0}; choose one of {1}.</source>
        <translation>Neznámá přesnost {0}; vyberte jednu z těchto: {1}.</translation>
    </message>
    <message>
        <source>{0} cannot take pictures of {1}×{1} pixels; pick a larger picture size.</source>
        <translation>Síť {0} neumí zpracovat obrázky {1}×{1} pixelů; zvolte větší velikost obrázku.</translation>
    </message>
    <message>
        <source>{0} is not a backbone neurolab knows ({1}).</source>
        <translation>{0} není základní síť, kterou neurolab zná ({1}).</translation>
    </message>
    <message>
        <source>The ImageNet weights of {0} are not downloaded; fetch them with &apos;neurolab models fetch {1}&apos; or pick another backbone.</source>
        <translation>Váhy ImageNet sítě {0} nejsou stažené; stáhněte je příkazem &apos;neurolab models fetch {1}&apos; nebo zvolte jinou základní síť.</translation>
    </message>
    <message>
        <source>The validation share must be above 0 and below 1 (0.2 holds out a fifth), not {0}.</source>
        <translation>Podíl pro validaci musí být větší než 0 a menší než 1 (0,2 odloží pětinu), ne {0}.</translation>
    </message>
    <message>
        <source>A network from scratch trains all its layers already; fine-tuning needs a pretrained backbone.</source>
        <translation>Síť od nuly už trénuje všechny své vrstvy; doladění potřebuje předtrénovanou základní síť.</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>Rychlost učení</translation>
    </message>
    <message>
        <source>The patience (epochs)</source>
        <translation>Trpělivost (epochy)</translation>
    </message>
    <message>
        <source>{0} has pictures of only one class ({1}); a classifier needs at least two class folders.</source>
        <translation>{0} obsahuje obrázky jen jedné třídy ({1}); klasifikátor potřebuje aspoň dvě složky tříd.</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder of class folders.</source>
        <translation>{0} je soubor, ne složka se složkami tříd.</translation>
    </message>
    <message>
        <source>{0} has no class folders: put each class&apos;s pictures in a folder of its own inside it (for example pets/cat and pets/dog).</source>
        <translation>{0} neobsahuje složky tříd: dejte obrázky každé třídy do vlastní složky uvnitř (například zvirata/kocka a zvirata/pes).</translation>
    </message>
    <message>
        <source>{0} has no pictures neurolab can read in its class folders.</source>
        <translation>Ve složkách tříd v {0} nejsou žádné obrázky, které neurolab umí přečíst.</translation>
    </message>
    <message>
        <source>The folder {0} has no pictures and is left out.</source>
        <translation>Složka {0} neobsahuje žádné obrázky a je vynechána.</translation>
    </message>
    <message>
        <source>The class {0} has only {1} pictures; at least {2} give a fairer result.</source>
        <translation>Obrázků ve třídě {0} je jen {1}; férovější výsledek dá aspoň {2}.</translation>
    </message>
    <message>
        <source>The classes are unbalanced: {0} has {1} pictures, {2} only {3}; the network may learn to favour {0}.</source>
        <translation>Třídy jsou nevyrovnané: obrázků ve třídě {0} je {1}, ve třídě {2} jen {3}; síť se může naučit upřednostňovat třídu {0}.</translation>
    </message>
    <message>
        <source>The test folder {0} has a class the training folder has not: {1}.</source>
        <translation>Testovací složka {0} obsahuje třídu, kterou trénovací složka nemá: {1}.</translation>
    </message>
    <message>
        <source>{0}: a trained model is saved as a .keras file.</source>
        <translation>{0}: natrénovaný model se ukládá jako soubor .keras.</translation>
    </message>
    <message>
        <source>Cannot save {0}: the folder {1} does not exist.</source>
        <translation>{0} nelze uložit: složka {1} neexistuje.</translation>
    </message>
    <message>
        <source>computing features</source>
        <translation>výpočet příznaků</translation>
    </message>
    <message>
        <source>reading pictures</source>
        <translation>čtení obrázků</translation>
    </message>
    <message>
        <source>training</source>
        <translation>trénink</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>vyhodnocení</translation>
    </message>
    <message>
        <source>changing the preprocessing</source>
        <translation>měním předzpracování</translation>
    </message>
    <message>
        <source>scaled to [0, 1], ImageNet mean/std (&apos;torch&apos;)</source>
        <translation>škálováno do [0, 1], průměr a směrodatná odchylka ImageNet (&apos;torch&apos;)</translation>
    </message>
    <message>
        <source>neurolab shapes (bundled)</source>
        <translation>neurolab shapes (přiložený)</translation>
    </message>
    <message>
        <source>{0} cannot look at an image: {1}</source>
        <translation>{0} se nemůže dívat na obrázek: {1}</translation>
    </message>
    <message>
        <source>{0} normalization</source>
        <translation>normalizace: {0}</translation>
    </message>
    <message>
        <source>reading {0}</source>
        <translation>čtení {0}</translation>
    </message>
    <message>
        <source>{0} is neither a model name ({1}) nor a model file (.keras, .h5).</source>
        <translation>{0} není název modelu ({1}) ani soubor s modelem (.keras, .h5).</translation>
    </message>
    <message>
        <source>The bundled model is missing from this installation; reinstall neurolab.</source>
        <translation>Přibalený model v této instalaci chybí; přeinstalujte neurolab.</translation>
    </message>
    <message>
        <source>The cached ImageNet weights for {0} (&apos;{1}&apos;) cannot be read; delete the file and fetch them again.</source>
        <translation>Uložené váhy ImageNet pro {0} (&apos;{1}&apos;) nelze přečíst; smažte soubor a stáhněte je znovu.</translation>
    </message>
    <message>
        <source>{0} holds weights only, not a whole model.</source>
        <translation>Soubor {0} obsahuje jen váhy, ne celý model.</translation>
    </message>
    <message>
        <source>{0} contains a Lambda layer, which can run arbitrary code; neurolab opens models in Keras&apos;s safe mode and will not load it.</source>
        <translation>Soubor {0} obsahuje vrstvu Lambda, která může spustit libovolný kód; neurolab otevírá modely v bezpečném režimu Kerasu a tento model nenačte.</translation>
    </message>
    <message>
        <source>{0} uses a custom layer neurolab does not know, so it cannot be rebuilt here.</source>
        <translation>Soubor {0} používá vlastní vrstvu, kterou neurolab nezná, takže ho tu nelze sestavit.</translation>
    </message>
    <message>
        <source>{0} is damaged or not a Keras model ({1}).</source>
        <translation>Soubor {0} je poškozený nebo to není model Keras ({1}).</translation>
    </message>
    <message>
        <source>a .keras file must be a zip archive</source>
        <translation>soubor .keras musí být archiv zip</translation>
    </message>
    <message>
        <source>an .h5 file must be HDF5</source>
        <translation>soubor .h5 musí být ve formátu HDF5</translation>
    </message>
    <message>
        <source>{0} holds weights only or is incomplete, not a whole Keras model.</source>
        <translation>Soubor {0} obsahuje jen váhy nebo je neúplný, není to celý model Keras.</translation>
    </message>
    <message>
        <source>{0} could not be loaded as a Keras model ({1}).</source>
        <translation>Soubor {0} nelze načíst jako model Keras ({1}).</translation>
    </message>
    <message>
        <source>{0} names {1} classes but the model has {2} outputs, so its names are not used.</source>
        <translation>Počet názvů tříd v {0} ({1}) neodpovídá počtu výstupů modelu ({2}), proto se názvy nepoužijí.</translation>
    </message>
    <message>
        <source>a Lambda layer (Python code)</source>
        <translation>vrstvu Lambda (kód v Pythonu)</translation>
    </message>
    <message>
        <source>a Python function (Lambda code)</source>
        <translation>funkci v Pythonu (kód Lambda)</translation>
    </message>
    <message>
        <source>a TFSMLayer (a TensorFlow SavedModel loaded from elsewhere)</source>
        <translation>vrstvu TFSMLayer (model TensorFlow SavedModel načítaný odjinud)</translation>
    </message>
    <message>
        <source>a TorchModuleWrapper (PyTorch code)</source>
        <translation>vrstvu TorchModuleWrapper (kód PyTorch)</translation>
    </message>
    <message>
        <source>a JaxLayer (JAX code)</source>
        <translation>vrstvu JaxLayer (kód JAX)</translation>
    </message>
    <message>
        <source>a FlaxLayer (Flax code)</source>
        <translation>vrstvu FlaxLayer (kód Flax)</translation>
    </message>
    <message>
        <source>it is larger than {0}</source>
        <translation>je větší než {0}</translation>
    </message>
    <message>
        <source>{0} was refused: {1}.</source>
        <translation>Soubor {0} byl odmítnut: {1}.</translation>
    </message>
    <message>
        <source>{0} is a folder, not a model file.</source>
        <translation>{0} je složka, ne soubor s modelem.</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket), so neurolab will not read it</source>
        <translation>není to běžný soubor (je to zařízení, roura nebo soket), takže ho neurolab nebude číst</translation>
    </message>
    <message>
        <source>{0} is not a model file neurolab can open (.keras or .h5).</source>
        <translation>Soubor {0} není model, který neurolab umí otevřít (.keras nebo .h5).</translation>
    </message>
    <message>
        <source>it is an empty zip archive</source>
        <translation>je to prázdný archiv zip</translation>
    </message>
    <message>
        <source>its zip archive cannot be read</source>
        <translation>jeho archiv zip nelze přečíst</translation>
    </message>
    <message>
        <source>its archive holds {0} files, more than a Keras model ever has</source>
        <translation>jeho archiv obsahuje {0} souborů, víc, než kdy má model Keras</translation>
    </message>
    <message>
        <source>its archive holds two files with the same name</source>
        <translation>jeho archiv obsahuje dva soubory se stejným názvem</translation>
    </message>
    <message>
        <source>its archive holds a file named &apos;{0}&apos;, which points outside the archive</source>
        <translation>jeho archiv obsahuje soubor &apos;{0}&apos;, který ukazuje mimo archiv</translation>
    </message>
    <message>
        <source>its archive holds &apos;{0}&apos;, which a Keras model file never has</source>
        <translation>jeho archiv obsahuje &apos;{0}&apos;, což soubor s modelem Keras nikdy nemá</translation>
    </message>
    <message>
        <source>it would unpack to {0}, more than neurolab allows ({1})</source>
        <translation>po rozbalení by měl {0}, víc, než neurolab dovoluje ({1})</translation>
    </message>
    <message>
        <source>it is a zip bomb ({0} that would unpack to {1})</source>
        <translation>je to zip bomba ({0}, které by se rozbalily na {1})</translation>
    </message>
    <message>
        <source>the archive has no model configuration</source>
        <translation>v archivu chybí konfigurace modelu</translation>
    </message>
    <message>
        <source>the archive has no metadata.json</source>
        <translation>v archivu chybí metadata.json</translation>
    </message>
    <message>
        <source>its {0} is {1}, more than neurolab allows ({2})</source>
        <translation>jeho {0} má {1}, víc, než neurolab dovoluje ({2})</translation>
    </message>
    <message>
        <source>its {0} is larger than neurolab allows ({1})</source>
        <translation>jeho {0} je větší, než neurolab dovoluje ({1})</translation>
    </message>
    <message>
        <source>its weights are not HDF5</source>
        <translation>jeho váhy nejsou ve formátu HDF5</translation>
    </message>
    <message>
        <source>its weights cannot be read</source>
        <translation>jeho váhy nelze přečíst</translation>
    </message>
    <message>
        <source>its HDF5 structure cannot be read</source>
        <translation>jeho strukturu HDF5 nelze přečíst</translation>
    </message>
    <message>
        <source>its model configuration is larger than neurolab allows ({0})</source>
        <translation>jeho konfigurace modelu je větší, než neurolab dovoluje ({0})</translation>
    </message>
    <message>
        <source>it holds more than {0} HDF5 objects</source>
        <translation>obsahuje víc než {0} objektů HDF5</translation>
    </message>
    <message>
        <source>it links to another file (&apos;{0}&apos;), which neurolab never follows</source>
        <translation>odkazuje na jiný soubor (&apos;{0}&apos;) a takové odkazy neurolab nikdy nesleduje</translation>
    </message>
    <message>
        <source>it holds a link (&apos;{0}&apos;), which Keras never writes</source>
        <translation>obsahuje odkaz (&apos;{0}&apos;), který Keras nikdy nezapisuje</translation>
    </message>
    <message>
        <source>it holds a virtual dataset, which reads data from other files</source>
        <translation>obsahuje virtuální datovou sadu, která čte data z jiných souborů</translation>
    </message>
    <message>
        <source>it holds a dataset stored in another file, which neurolab never reads</source>
        <translation>obsahuje datovou sadu uloženou v jiném souboru, kterou neurolab nikdy nečte</translation>
    </message>
    <message>
        <source>its weights would need {0}, more than neurolab allows ({1})</source>
        <translation>jeho váhy by potřebovaly {0}, víc, než neurolab dovoluje ({1})</translation>
    </message>
    <message>
        <source>its model configuration is not text</source>
        <translation>jeho konfigurace modelu není text</translation>
    </message>
    <message>
        <source>its model configuration is not valid JSON</source>
        <translation>jeho konfigurace modelu není platný JSON</translation>
    </message>
    <message>
        <source>its model configuration describes no model</source>
        <translation>jeho konfigurace nepopisuje žádný model</translation>
    </message>
    <message>
        <source>its model configuration is nested too deeply</source>
        <translation>jeho konfigurace modelu je vnořená příliš hluboko</translation>
    </message>
    <message>
        <source>its model configuration has an unnamed part</source>
        <translation>jeho konfigurace modelu má část bez názvu</translation>
    </message>
    <message>
        <source>its model configuration has a part with no module</source>
        <translation>jeho konfigurace modelu má část bez modulu</translation>
    </message>
    <message>
        <source>it contains {0}, which neurolab never runs (models open in Keras&apos;s safe mode)</source>
        <translation>obsahuje {0}, což neurolab nikdy nespouští (modely se otevírají v bezpečném režimu Kerasu)</translation>
    </message>
    <message>
        <source>it contains a {0} layer, which can read other files on this computer; neurolab opens image models only</source>
        <translation>obsahuje vrstvu {0}, která může číst jiné soubory na tomto počítači; neurolab otevírá jen modely pro obrázky</translation>
    </message>
    <message>
        <source>it uses &apos;{0}&apos; from &apos;{1}&apos;, code outside Keras that neurolab never runs</source>
        <translation>používá &apos;{0}&apos; z &apos;{1}&apos;, kód mimo Keras, který neurolab nikdy nespouští</translation>
    </message>
    <message>
        <source>it uses a custom part (&apos;{0}&apos;) from the package &apos;{1}&apos;, which is not Keras; neurolab only rebuilds Keras&apos;s own layers</source>
        <translation>používá vlastní část (&apos;{0}&apos;) z balíčku &apos;{1}&apos;, který není Keras; neurolab sestavuje jen vrstvy samotného Kerasu</translation>
    </message>
    <message>
        <source>it calls the function &apos;{0}&apos;, which is not a Keras activation; neurolab never runs other functions</source>
        <translation>volá funkci &apos;{0}&apos;, která není aktivací Kerasu; jiné funkce neurolab nikdy nespouští</translation>
    </message>
    <message>
        <source>it uses &apos;{0}&apos; from Python&apos;s builtins, which neurolab never runs</source>
        <translation>používá &apos;{0}&apos; ze zabudovaných funkcí Pythonu, které neurolab nikdy nespouští</translation>
    </message>
    <message>
        <source>it uses &apos;{0}&apos;, which is not one of the Keras layers neurolab rebuilds (a custom layer or a Keras function)</source>
        <translation>používá &apos;{0}&apos;, což není žádná z vrstev Kerasu, které neurolab sestavuje (vlastní vrstva nebo funkce Kerasu)</translation>
    </message>
    <message>
        <source>its &apos;{0}&apos; is registered as &apos;{1}&apos;, which is not Keras&apos;s own</source>
        <translation>jeho &apos;{0}&apos; je registrováno jako &apos;{1}&apos;, což není vlastní název Kerasu</translation>
    </message>
    <message>
        <source>The model takes {0} inputs, not one image.</source>
        <translation>Model nebere jeden obrázek, ale více vstupů (počet: {0}).</translation>
    </message>
    <message>
        <source>The model takes sequences ({0} steps × {1} values), not images.</source>
        <translation>Model bere posloupnosti ({0} kroků × {1} hodnot), ne obrázky.</translation>
    </message>
    <message>
        <source>The model takes vectors of {0} numbers, not images.</source>
        <translation>Model bere vektory o {0} číslech, ne obrázky.</translation>
    </message>
    <message>
        <source>The model&apos;s input has shape {0}, not an image (height × width × 1 or 3 channels).</source>
        <translation>Vstup modelu má tvar {0}, není to obrázek (výška × šířka × 1 nebo 3 kanály).</translation>
    </message>
    <message>
        <source>The model is not a classifier: its output is a map ({0}), not a score per class.</source>
        <translation>Model není klasifikátor: jeho výstupem je mapa ({0}), ne skóre pro každou třídu.</translation>
    </message>
    <message>
        <source>The model is not a classifier: none of its outputs ({0}) is a score per class.</source>
        <translation>Model není klasifikátor: žádný z jeho výstupů ({0}) nedává skóre pro každou třídu.</translation>
    </message>
    <message>
        <source>The model has no output {0}; its outputs are {1}.</source>
        <translation>Model nemá výstup {0}; jeho výstupy jsou {1}.</translation>
    </message>
    <message>
        <source>The output {0} cannot classify: it is not a score per class ({1}).</source>
        <translation>Výstup {0} neumí klasifikovat: nedává skóre pro každou třídu ({1}).</translation>
    </message>
    <message>
        <source>Class {0} does not exist: the model has {1} classes (0–{2}).</source>
        <translation>Třída {0} neexistuje: model rozlišuje třídy 0–{2} (celkem {1}).</translation>
    </message>
    <message>
        <source>No class called {0}. Did you mean {1}? The model knows these {2} classes: {3}.</source>
        <translation>Třída {0} neexistuje. Měli jste na mysli {1}? Model zná tyto třídy ({2}): {3}.</translation>
    </message>
    <message>
        <source>No class called {0}. The model knows these {1} classes: {2}.</source>
        <translation>Třída {0} neexistuje. Model zná tyto třídy ({1}): {2}.</translation>
    </message>
    <message>
        <source>No class called {0}. Did you mean {1}?</source>
        <translation>Třída {0} neexistuje. Měli jste na mysli {1}?</translation>
    </message>
    <message>
        <source>No class called {0}.</source>
        <translation>Třída {0} neexistuje.</translation>
    </message>
    <message>
        <source>{0} is not torchvision&apos;s SqueezeNet 1.1: it has no weights for {1}.</source>
        <translation>{0} není SqueezeNet 1.1 z torchvision: chybějí v něm váhy pro {1}.</translation>
    </message>
    <message>
        <source>{0} is not torchvision&apos;s SqueezeNet 1.1: {1} has weights of shape {2}, not {3}.</source>
        <translation>{0} není SqueezeNet 1.1 z torchvision: {1} má váhy tvaru {2}, ne {3}.</translation>
    </message>
    <message>
        <source>{0} is damaged: {1}&apos;s weights are not all numbers.</source>
        <translation>{0} je poškozený: váhy vrstvy {1} nejsou všechny čísla.</translation>
    </message>
    <message>
        <source>{0} is too large for a weights file ({1} MB).</source>
        <translation>{0} je na soubor s váhami příliš velký ({1} MB).</translation>
    </message>
    <message>
        <source>{0} is not a PyTorch weights file.</source>
        <translation>{0} není soubor s váhami PyTorch.</translation>
    </message>
    <message>
        <source>{0} is not a plain PyTorch weights file: it asks to run {1}, so neurolab does not read it.</source>
        <translation>{0} není prostý soubor s váhami PyTorch: žádá o spuštění {1}, a proto ho neurolab nenačte.</translation>
    </message>
    <message>
        <source>{0} is damaged or not a PyTorch weights file.</source>
        <translation>{0} je poškozený nebo to není soubor s váhami PyTorch.</translation>
    </message>
    <message>
        <source>{0} was saved on a big-endian computer; neurolab reads little-endian files only.</source>
        <translation>{0} byl uložen na počítači s pořadím bajtů big-endian; neurolab čte jen soubory little-endian.</translation>
    </message>
    <message>
        <source>{0} was saved by a PyTorch version neurolab cannot read.</source>
        <translation>{0} uložila verze PyTorch, kterou neurolab neumí přečíst.</translation>
    </message>
    <message>
        <source>{0} holds no weights (not a PyTorch state_dict).</source>
        <translation>{0} neobsahuje žádné váhy (není to state_dict PyTorch).</translation>
    </message>
    <message>
        <source>RGB, ImageNet mean subtracted (&apos;zerocenter&apos;)</source>
        <translation>RGB, odečtený průměr ImageNet (&apos;zerocenter&apos;)</translation>
    </message>
    <message>
        <source>(x − 127.5) / 128, as MTCNN</source>
        <translation>(x − 127,5) / 128 jako MTCNN</translation>
    </message>
    <message>
        <source>The standard deviation must be greater than 0.</source>
        <translation>Směrodatná odchylka musí být větší než 0.</translation>
    </message>
    <message>
        <source>(x − mean) / std with mean {0} and std {1}</source>
        <translation>(x − průměr) / odchylka s průměrem {0} a odchylkou {1}</translation>
    </message>
    <message>
        <source>{0} is not a custom preprocessing: write {1}, MEAN and STD each one number or three (R,G,B) in 0-255 pixel units, for example {2}.</source>
        <translation>{0} není vlastní předzpracování: napište {1}, kde MEAN (průměr) i STD (odchylka) je jedno číslo nebo tři (R,G,B) v jednotkách pixelů 0–255, například {2}.</translation>
    </message>
    <message>
        <source>{0} is not a preprocessing; choose one of: {1}.</source>
        <translation>{0} není předzpracování; vyberte jedno z: {1}.</translation>
    </message>
    <message>
        <source>{0} works on the three colour channels; this model takes {1}-channel images.</source>
        <translation>{0} pracuje se třemi barevnými kanály; tento model bere obrázky s počtem kanálů {1}.</translation>
    </message>
    <message>
        <source>its {0} &apos;{1}&apos; has groups={2}, which Keras 3 cannot build</source>
        <translation>jeho {0} &apos;{1}&apos; má groups={2}, což Keras 3 neumí sestavit</translation>
    </message>
    <message>
        <source>its BatchNormalization &apos;{0}&apos; normalises over several axes, which Keras 3 cannot build</source>
        <translation>jeho BatchNormalization &apos;{0}&apos; normalizuje přes několik os, což Keras 3 neumí sestavit</translation>
    </message>
    <message>
        <source>{0}: already in the cache</source>
        <translation>{0}: už je v mezipaměti</translation>
    </message>
    <message>
        <source>Cannot write to the weights folder &apos;{0}&apos;: {1}.</source>
        <translation>Do složky vah &apos;{0}&apos; nelze zapisovat: {1}.</translation>
    </message>
    <message>
        <source>converting {0}</source>
        <translation>převádění {0}</translation>
    </message>
    <message>
        <source>connecting for {0}</source>
        <translation>připojování kvůli stažení {0}</translation>
    </message>
    <message>
        <source>downloading {0} ({1}/{2} MB)</source>
        <translation>stahování {0} ({1}/{2} MB)</translation>
    </message>
    <message>
        <source>verifying {0}</source>
        <translation>ověřování {0}</translation>
    </message>
    <message>
        <source>The downloaded weights for {0} are damaged (their checksum does not match); please try again.</source>
        <translation>Stažené váhy pro {0} jsou poškozené (nesouhlasí jejich kontrolní součet); zkuste to prosím znovu.</translation>
    </message>
    <message>
        <source>The downloaded weights for {0} cannot be used: {1}</source>
        <translation>Stažené váhy pro {0} nelze použít: {1}</translation>
    </message>
    <message>
        <source>{0}: converted</source>
        <translation>{0}: převedeno</translation>
    </message>
    <message>
        <source>Could not download the ImageNet weights for {0} ({1}). Without a network connection, copy &apos;{2}&apos; from a PC that has it into &apos;{3}&apos;.</source>
        <translation>Váhy ImageNet pro {0} se nepodařilo stáhnout ({1}). Bez připojení k síti zkopírujte &apos;{2}&apos; z počítače, který je má, do &apos;{3}&apos;.</translation>
    </message>
    <message>
        <source>The VGG19 ImageNet weights are not cached; fetch them with &apos;neurolab models fetch vgg19&apos;.</source>
        <translation>Váhy ImageNet pro VGG19 nejsou v mezipaměti; stáhněte je příkazem &apos;neurolab models fetch vgg19&apos;.</translation>
    </message>
    <message>
        <source>VGG19 (ImageNet weights)</source>
        <translation>VGG19 (váhy ImageNet)</translation>
    </message>
    <message>
        <source>random multi-scale filters (seed {0}, offline)</source>
        <translation>náhodné víceúrovňové filtry (semínko {0}, offline)</translation>
    </message>
    <message>
        <source>{0}&apos;s convolutional layers</source>
        <translation>konvoluční vrstvy modelu {0}</translation>
    </message>
    <message>
        <source>the bundled shapes model&apos;s convolutional layers (offline)</source>
        <translation>konvoluční vrstvy přiloženého modelu shapes (offline)</translation>
    </message>
    <message>
        <source>preparing the backbone</source>
        <translation>příprava extraktoru příznaků</translation>
    </message>
    <message>
        <source>styling at {0}×{1} px</source>
        <translation>stylizace v rozlišení {0}×{1} px</translation>
    </message>
    <message>
        <source>Some files cannot be read as pictures and are left out ({0}).</source>
        <translation>Některé soubory nelze přečíst jako obrázky a jsou vynechány ({0}).</translation>
    </message>
    <message>
        <source>fine-tuning the last block</source>
        <translation>doladění posledního bloku</translation>
    </message>
    <message>
        <source>loading TensorFlow</source>
        <translation>načítání TensorFlow</translation>
    </message>
    <message>
        <source>loading {0}</source>
        <translation>načítání {0}</translation>
    </message>
    <message>
        <source>tracing layers</source>
        <translation>trasování vrstev</translation>
    </message>
    <message>
        <source>analysing layers</source>
        <translation>analýza vrstev</translation>
    </message>
    <message>
        <source>model ready</source>
        <translation>model připraven</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <source>View all</source>
        <translation>Zobrazit vše</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Uložit graf jako PNG…</translation>
    </message>
    <message>
        <source>Save data as CSV…</source>
        <translation>Uložit data jako CSV…</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Uložit graf jako PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Obrázky PNG (*.png)</translation>
    </message>
    <message>
        <source>Save data as CSV</source>
        <translation>Uložit data jako CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Soubory CSV (*.csv)</translation>
    </message>
    <message>
        <source>The chart could not be saved to {0}: {1}</source>
        <translation>Graf se nepodařilo uložit do {0}: {1}</translation>
    </message>
</context>
<context>
    <name>CustomPreprocessingDialog</name>
    <message>
        <source>Custom preprocessing</source>
        <translation>Vlastní předzpracování</translation>
    </message>
    <message>
        <source>Each pixel value x (0–255) is fed to the network as (x − mean) / std. For example, mean 127.5 and std 127.5 give values in [-1, 1].</source>
        <translation>Každá hodnota pixelu x (0–255) vstupuje do sítě jako (x − průměr) / odchylka. Například průměr 127,5 a odchylka 127,5 dají hodnoty v [-1, 1].</translation>
    </message>
    <message>
        <source>One value for all three channels</source>
        <translation>Jedna hodnota pro všechny tři kanály</translation>
    </message>
    <message>
        <source>Mean (R, G, B):</source>
        <translation>Průměr (R, G, B):</translation>
    </message>
    <message>
        <source>Std (R, G, B):</source>
        <translation>Směrodatná odchylka (R, G, B):</translation>
    </message>
</context>
<context>
    <name>ExplainTab</name>
    <message>
        <source>Explain</source>
        <translation>Vysvětlení</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Otevřít obrázek…</translation>
    </message>
    <message>
        <source>Explain</source>
        <comment>button</comment>
        <translation>Vysvětlit</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Metoda:</translation>
    </message>
    <message>
        <source>C&amp;lass:</source>
        <translation>&amp;Třída:</translation>
    </message>
    <message>
        <source>&amp;beside it:</source>
        <translation>&amp;vedle ní:</translation>
    </message>
    <message>
        <source>Open an image, then press Explain</source>
        <translation>Otevřete obrázek a stiskněte Vysvětlit</translation>
    </message>
    <message>
        <source>How strongly the map covers the photo</source>
        <translation>Jak silně mapa zakrývá fotografii</translation>
    </message>
    <message>
        <source>Cividis (colour-blind safe)</source>
        <translation>Cividis (vhodná i pro barvoslepé)</translation>
    </message>
    <message>
        <source>Ice (black, blue, white)</source>
        <translation>Led (černá, modrá, bílá)</translation>
    </message>
    <message>
        <source>Save result…</source>
        <translation>Uložit výsledek…</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>&amp;Krytí:</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Barvy:</translation>
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
        <translation>Gradientní mapa důležitosti</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Zakrývání</translation>
    </message>
    <message>
        <source>RISE (random masks)</source>
        <translation>RISE (náhodné masky)</translation>
    </message>
    <message>
        <source>Off: the last layer with a spatial map (the last convolutional stage)</source>
        <translation>Vypnuto: poslední vrstva s prostorovou mapou (poslední konvoluční stupeň)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Noise:</source>
        <translation>Šum:</translation>
    </message>
    <message>
        <source>Noisy copies:</source>
        <translation>Zašuměné kopie:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Grey square:</source>
        <translation>Šedý čtverec:</translation>
    </message>
    <message>
        <source>step:</source>
        <translation>krok:</translation>
    </message>
    <message>
        <source>Random masks:</source>
        <translation>Náhodné masky:</translation>
    </message>
    <message>
        <source>Explanations need a model that takes one image. {0}</source>
        <translation>Vysvětlení potřebují model, který přijímá jeden obrázek. {0}</translation>
    </message>
    <message>
        <source>Explanations need a classifier. {0}</source>
        <translation>Vysvětlení potřebují klasifikátor. {0}</translation>
    </message>
    <message>
        <source>(the network&apos;s answer)</source>
        <translation>(odpověď sítě)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(žádná)</translation>
    </message>
    <message>
        <source>Original photo</source>
        <translation>Původní fotografie</translation>
    </message>
    <message>
        <source>Changed image</source>
        <translation>Změněný obrázek</translation>
    </message>
    <message>
        <source> at layer {0}</source>
        <translation> ve vrstvě {0}</translation>
    </message>
    <message>
        <source>{0}{1} for &lt;b&gt;{2}&lt;/b&gt; ({3}){4}</source>
        <translation>{0}{1} pro &lt;b&gt;{2}&lt;/b&gt; ({3}){4}</translation>
    </message>
    <message>
        <source>Map:</source>
        <translation>Mapa:</translation>
    </message>
    <message>
        <source>Bright: where the layer&apos;s features raise the class&apos;s score.</source>
        <translation>Světlé: kde příznaky vrstvy zvyšují skóre třídy.</translation>
    </message>
    <message>
        <source>Bright: where the layer&apos;s features raise the class&apos;s score, each place weighted on its own.</source>
        <translation>Světlé: kde příznaky vrstvy zvyšují skóre třídy, každé místo vážené zvlášť.</translation>
    </message>
    <message>
        <source>Bright: pixels whose change would change the class&apos;s score most.</source>
        <translation>Světlé: pixely, jejichž změna by nejvíc změnila skóre třídy.</translation>
    </message>
    <message>
        <source>Bright: pixels whose change would change the class&apos;s score most, averaged over noisy copies of the photo.</source>
        <translation>Světlé: pixely, jejichž změna by nejvíc změnila skóre třídy, zprůměrováno přes zašuměné kopie fotografie.</translation>
    </message>
    <message>
        <source>Bright: covering the place with a grey square lowers the class&apos;s probability most.</source>
        <translation>Světlé: zakrytí místa šedým čtvercem nejvíc sníží pravděpodobnost třídy.</translation>
    </message>
    <message>
        <source>Bright: the class is most probable when the place is visible (random masks).</source>
        <translation>Světlé: třída je nejpravděpodobnější, když je místo vidět (náhodné masky).</translation>
    </message>
    <message>
        <source>Use the layer chosen in the Network table ({0})</source>
        <translation>Použít vrstvu zvolenou v tabulce sítě ({0})</translation>
    </message>
    <message>
        <source>Use the layer chosen in the Network table (none chosen)</source>
        <translation>Použít vrstvu zvolenou v tabulce sítě (žádná nezvolena)</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Uložit výsledek</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Obrázek PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo: {0}</translation>
    </message>
</context>
<context>
    <name>FeatureGridView</name>
    <message>
        <source>Channel {0}. Click to see it large.</source>
        <translation>Kanál {0}. Klepnutím ho zvětšíte.</translation>
    </message>
</context>
<context>
    <name>FeaturesTab</name>
    <message>
        <source>Features</source>
        <translation>Rysy</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zobrazit:</translation>
    </message>
    <message>
        <source>Which channels or classes: all, or numbers such as 1,2,3 or 1-8 (counted from 1, as the tiles are)</source>
        <translation>Které kanály nebo třídy: all, nebo čísla jako 1,2,3 či 1-8 (počítáno od 1 jako dlaždice)</translation>
    </message>
    <message>
        <source>C&amp;hannels:</source>
        <translation>&amp;Kanály:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Fourier, decorrelated colour</source>
        <translation>Fourier, dekorelované barvy</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixely</translation>
    </message>
    <message>
        <source>Fourier: smooth pictures in natural colours (lucid&apos;s choice); pixels: every pixel on its own, sharper and noisier</source>
        <translation>Fourier: hladké obrázky v přirozených barvách (volba knihovny lucid); pixely: každý pixel zvlášť, ostřejší a zašuměnější</translation>
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
        <translation>Velikost každého kroku v úrovních 0–255</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Velikost:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Kroky:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Rychlost učení:</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>Báze:</translation>
    </message>
    <message>
        <source>Jitter:</source>
        <translation>Posun:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Měřítko:</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Otočení:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Semínko:</translation>
    </message>
    <message>
        <source>The layers whose activations the dream raises, commas between; a layer picked in the tree is put here</source>
        <translation>Vrstvy, jejichž aktivace snění zesiluje, oddělené čárkami; vrstva vybraná ve stromu se vloží sem</translation>
    </message>
    <message>
        <source>Octaves:</source>
        <translation>Oktávy:</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>Vrstvy:</translation>
    </message>
    <message>
        <source>Steps per octave:</source>
        <translation>Kroků na oktávu:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Síla:</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Otevřít obrázek…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Uložit…</translation>
    </message>
    <message>
        <source>← Back to activations</source>
        <translation>← Zpět k aktivacím</translation>
    </message>
    <message>
        <source>Pick a layer in the tree on the left, then press Start.</source>
        <translation>Vyberte vrstvu ve stromu vlevo a stiskněte Spustit.</translation>
    </message>
    <message>
        <source>Click a picture to see it large</source>
        <translation>Klepnutím na obrázek ho zvětšíte</translation>
    </message>
    <message>
        <source>A layer&apos;s filters</source>
        <translation>Filtry vrstvy</translation>
    </message>
    <message>
        <source>Class images</source>
        <translation>Obrázky tříd</translation>
    </message>
    <message>
        <source>Deep dream on the photo</source>
        <translation>Deep dream na fotografii</translation>
    </message>
    <message>
        <source>Feature visualisation needs a model that takes one image. {0}</source>
        <translation>Zobrazení rysů potřebuje model, který přijímá jeden obrázek. {0}</translation>
    </message>
    <message>
        <source>Class images need a classifier. {0}</source>
        <translation>Obrázky tříd potřebují klasifikátor. {0}</translation>
    </message>
    <message>
        <source>Open a photo first: deep dream changes it.</source>
        <translation>Nejdřív otevřete fotografii: deep dream ji mění.</translation>
    </message>
    <message>
        <source>Pick a layer in the tree on the left first.</source>
        <translation>Nejdřív vyberte vrstvu ve stromu vlevo.</translation>
    </message>
    <message>
        <source>Growing…</source>
        <translation>Pěstuji…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Zrušeno.</translation>
    </message>
    <message>
        <source>Step {0} of {1} (live preview)</source>
        <translation>Krok {0} z {1} (živý náhled)</translation>
    </message>
    <message numerus="yes">
        <source>%n pictures in {0} s.</source>
        <translation>
            <numerusform>%n obrázek za {0} s.</numerusform>
            <numerusform>%n obrázky za {0} s.</numerusform>
            <numerusform>%n obrázků za {0} s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deep dream with {0}, {1}×{2} px</source>
        <translation>Deep dream s vrstvou {0}, {1}×{2} px</translation>
    </message>
    <message>
        <source>Dreamt in {0} s.</source>
        <translation>Hotovo za {0} s.</translation>
    </message>
    <message>
        <source>the output neurons (before the softmax)</source>
        <translation>výstupní neurony (před softmaxem)</translation>
    </message>
    <message>
        <source>layer: {0}</source>
        <translation>vrstva: {0}</translation>
    </message>
    <message>
        <source>layer: pick one in the tree</source>
        <translation>vrstva: vyberte ji ve stromu</translation>
    </message>
    <message>
        <source>Class {0} ({1}): logit {2}</source>
        <translation>Třída {0} ({1}): logit {2}</translation>
    </message>
    <message>
        <source>{0}, channel {1}: mean activation {2}</source>
        <translation>{0}, kanál {1}: průměrná aktivace {2}</translation>
    </message>
    <message>
        <source>Save pictures</source>
        <translation>Uložit obrázky</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Obrázek PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo: {0}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Images ({0})</source>
        <translation>Obrázky ({0})</translation>
    </message>
    <message>
        <source>Keras models ({0})</source>
        <translation>Modely Keras ({0})</translation>
    </message>
</context>
<context>
    <name>GanTab</name>
    <message>
        <source>Press Start: samples from 16 fixed latent vectors appear here as the generator learns</source>
        <translation>Stiskněte Spustit: během učení generátoru se tu objeví vzorky z 16 pevných latentních vektorů</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated samples&lt;/b&gt;</source>
        <translation>&lt;b&gt;Generované vzorky&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Latent interpolation</source>
        <translation>Interpolace v latentním prostoru</translation>
    </message>
    <message>
        <source>step</source>
        <translation>krok</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>ztráta</translation>
    </message>
    <message>
        <source>Losses</source>
        <translation>Ztráty</translation>
    </message>
    <message>
        <source>Generator and discriminator loss, once training starts</source>
        <translation>Ztráta generátoru a diskriminátoru, jakmile začne trénování</translation>
    </message>
    <message>
        <source>score</source>
        <translation>skóre</translation>
    </message>
    <message>
        <source>Discriminator&apos;s scores</source>
        <translation>Skóre diskriminátoru</translation>
    </message>
    <message>
        <source>D(real) and D(fake): how sure the discriminator is</source>
        <translation>D(skutečné) a D(falešné): jak si je diskriminátor jistý</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Built-in shapes</source>
        <translation>Vestavěné tvary</translation>
    </message>
    <message>
        <source>Pictures of simple shapes drawn by neurolab (nothing to download), or any folder of images</source>
        <translation>Obrázky jednoduchých tvarů, které kreslí neurolab (nic se nestahuje), nebo libovolná složka obrázků</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Složka…</translation>
    </message>
    <message>
        <source>Train on every image in a folder and its subfolders (centre-cropped and resized)</source>
        <translation>Trénovat na všech obrázcích ze složky a jejích podsložek (oříznutých na střed a přeškálovaných)</translation>
    </message>
    <message>
        <source>No data loaded yet.</source>
        <translation>Zatím nejsou načtena žádná data.</translation>
    </message>
    <message>
        <source>Show data</source>
        <translation>Zobrazit data</translation>
    </message>
    <message>
        <source>Show a grid of training images</source>
        <translation>Zobrazit mřížku trénovacích obrázků</translation>
    </message>
    <message>
        <source>Networks and training</source>
        <translation>Sítě a trénování</translation>
    </message>
    <message>
        <source>{0}×{0} px</source>
        <translation>{0}×{0} px</translation>
    </message>
    <message>
        <source>Length of the random vector the generator draws from</source>
        <translation>Délka náhodného vektoru, ze kterého generátor kreslí</translation>
    </message>
    <message>
        <source>Images per training step</source>
        <translation>Počet obrázků na jeden krok trénování</translation>
    </message>
    <message>
        <source>Passes over the data; a checkpoint is written after each</source>
        <translation>Průchody daty; po každém se zapíše kontrolní bod</translation>
    </message>
    <message>
        <source>Generator&apos;s Adam learning rate</source>
        <translation>Rychlost učení generátoru (Adam)</translation>
    </message>
    <message>
        <source>Discriminator&apos;s Adam learning rate</source>
        <translation>Rychlost učení diskriminátoru (Adam)</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Velikost obrázku</translation>
    </message>
    <message>
        <source>Latent size</source>
        <translation>Latentní rozměr</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Velikost dávky</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochy</translation>
    </message>
    <message>
        <source>Generator learning rate</source>
        <translation>Rychlost učení generátoru</translation>
    </message>
    <message>
        <source>Discriminator learning rate</source>
        <translation>Rychlost učení diskriminátoru</translation>
    </message>
    <message>
        <source>Walk between two random latent vectors (redrawn as training goes on)</source>
        <translation>Projít cestu mezi dvěma náhodnými latentními vektory (během trénování se překresluje)</translation>
    </message>
    <message numerus="yes">
        <source>{0}: %n images of {1}×{1} px</source>
        <translation>
            <numerusform>{0}: %n obrázek {1}×{1} px</numerusform>
            <numerusform>{0}: %n obrázky {1}×{1} px</numerusform>
            <numerusform>{0}: %n obrázků {1}×{1} px</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n files skipped ({0}{1}).</source>
        <translation>
            <numerusform>, %n soubor přeskočen ({0}{1}).</numerusform>
            <numerusform>, %n soubory přeskočeny ({0}{1}).</numerusform>
            <numerusform>, %n souborů přeskočeno ({0}{1}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Běh</translation>
    </message>
    <message>
        <source>GAN</source>
        <extracomment>The tab&apos;s own copy of the trainer&apos;s history, for the charts and Save metrics: new entries come in progress events; a snapshot is taken only when no job touches the trainer.</extracomment>
        <translation>GAN</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <source>Train new networks from scratch</source>
        <translation>Natrénovat nové sítě od začátku</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pozastavit</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Zastavit</translation>
    </message>
    <message>
        <source>Stop and write a checkpoint</source>
        <translation>Zastavit a zapsat kontrolní bod</translation>
    </message>
    <message>
        <source>Open checkpoint…</source>
        <translation>Otevřít kontrolní bod…</translation>
    </message>
    <message>
        <source>Continue a run or draw samples from it</source>
        <translation>Pokračovat v běhu nebo z něj generovat vzorky</translation>
    </message>
    <message>
        <source>New samples</source>
        <translation>Nové vzorky</translation>
    </message>
    <message>
        <source>Draw 16 new random latent vectors</source>
        <translation>Vylosovat 16 nových náhodných latentních vektorů</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>Interpolovat</translation>
    </message>
    <message>
        <source>Save grid…</source>
        <translation>Uložit mřížku…</translation>
    </message>
    <message>
        <source>Save metrics CSV…</source>
        <translation>Uložit metriky CSV…</translation>
    </message>
    <message>
        <source>Folder of training images</source>
        <translation>Složka trénovacích obrázků</translation>
    </message>
    <message>
        <source>Reading the data…</source>
        <translation>Čtení dat…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Training data&lt;/b&gt; (a sample)</source>
        <translation>&lt;b&gt;Trénovací data&lt;/b&gt; (ukázka)</translation>
    </message>
    <message>
        <source>Cannot create a folder for the checkpoints: {0}.</source>
        <translation>Nelze vytvořit složku pro kontrolní body: {0}.</translation>
    </message>
    <message>
        <source>Checkpoints: {0}</source>
        <translation>Kontrolní body: {0}</translation>
    </message>
    <message>
        <source>Building the networks…</source>
        <translation>Sestavování sítí…</translation>
    </message>
    <message>
        <source>building the networks</source>
        <translation>sestavování sítí</translation>
    </message>
    <message>
        <source>reading the history</source>
        <translation>čtení historie</translation>
    </message>
    <message>
        <source>Paused at step {0}. Resume continues exactly from here.</source>
        <translation>Pozastaveno v kroku {0}. Pokračovat naváže přesně odsud.</translation>
    </message>
    <message>
        <source>writing the checkpoint</source>
        <translation>zápis kontrolního bodu</translation>
    </message>
    <message>
        <source>Stopped at step {0}; checkpoint written to {1}.</source>
        <translation>Zastaveno v kroku {0}; kontrolní bod zapsán do {1}.</translation>
    </message>
    <message>
        <source>{0} — step {1}/{2} — {3} steps/s — about {4} left — generator loss {5}, discriminator loss {6}, D(real) {7}, D(fake) {8}</source>
        <translation>{0} — krok {1}/{2} — {3} kroků/s — zbývá asi {4} — ztráta generátoru {5}, ztráta diskriminátoru {6}, D(skutečné) {7}, D(falešné) {8}</translation>
    </message>
    <message>
        <source>generator</source>
        <translation>generátor</translation>
    </message>
    <message>
        <source>discriminator</source>
        <translation>diskriminátor</translation>
    </message>
    <message>
        <source>D(real)</source>
        <translation>D(skutečné)</translation>
    </message>
    <message>
        <source>D(fake)</source>
        <translation>D(falešné)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generated samples&lt;/b&gt; (the same 16 latent vectors throughout)</source>
        <translation>&lt;b&gt;Generované vzorky&lt;/b&gt; (po celou dobu stejných 16 latentních vektorů)</translation>
    </message>
    <message>
        <source>Finished: {0} steps, {1} epochs; checkpoint in {2}.</source>
        <translation>Hotovo: kroků {0}, epoch {1}; kontrolní bod v {2}.</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Zastaveno: {0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Pokračovat</translation>
    </message>
    <message>
        <source>Pause or stop the training before changing its data.</source>
        <translation>Před změnou dat trénování pozastavte nebo zastavte.</translation>
    </message>
    <message>
        <source>GAN checkpoint folder</source>
        <translation>Složka s kontrolním bodem GAN</translation>
    </message>
    <message>
        <source>Opening the checkpoint…</source>
        <translation>Otevírání kontrolního bodu…</translation>
    </message>
    <message>
        <source>reading the checkpoint</source>
        <translation>čtení kontrolního bodu</translation>
    </message>
    <message>
        <source>Checkpoint at step {0} (epoch {1}). Resume continues training.</source>
        <translation>Kontrolní bod v kroku {0} (epocha {1}). Pokračovat naváže na trénování.</translation>
    </message>
    <message>
        <source>drawing samples</source>
        <translation>generování vzorků</translation>
    </message>
    <message>
        <source>interpolating</source>
        <translation>interpolace</translation>
    </message>
    <message>
        <source>Latent interpolation, generator at step {0}</source>
        <translation>Interpolace v latentním prostoru, generátor po kroku {0}</translation>
    </message>
    <message>
        <source>Save grid</source>
        <translation>Uložit mřížku</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Obrázky PNG (*.png)</translation>
    </message>
    <message>
        <source>Save metrics</source>
        <translation>Uložit metriky</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Soubory CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo: {0}</translation>
    </message>
</context>
<context>
    <name>GraphPane</name>
    <message>
        <source>Find a layer (Ctrl+F)</source>
        <translation>Najít vrstvu (Ctrl+F)</translation>
    </message>
    <message>
        <source>Enter or F3: next match; Shift+Enter or Shift+F3: previous</source>
        <translation>Enter nebo F3: další shoda; Shift+Enter nebo Shift+F3: předchozí</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+- while the graph has the focus, or the mouse wheel)</source>
        <translation>Oddálit (Ctrl+-, když je graf aktivní, nebo kolečko myši)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++ while the graph has the focus, or the mouse wheel)</source>
        <translation>Přiblížit (Ctrl++, když je graf aktivní, nebo kolečko myši)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Vše</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0 while the graph has the focus)</source>
        <translation>Ukázat celý graf (Ctrl+0, když je graf aktivní)</translation>
    </message>
    <message>
        <source>Click a layer to select it; double-click a nested network to fold or unfold it; drag to move, wheel to zoom</source>
        <translation>Klepnutím vyberete vrstvu; dvojklikem složíte nebo rozložíte vnořenou síť; tažením posunete, kolečkem přiblížíte</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>nic nenalezeno</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} z {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n matches</source>
        <translation>
            <numerusform>%n shoda</numerusform>
            <numerusform>%n shody</numerusform>
            <numerusform>%n shod</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <source>Double-click to show its layers</source>
        <translation>Dvojklikem ukážete její vrstvy</translation>
    </message>
    <message>
        <source>Needs the model&apos;s native input size: activations use the image resized to it.</source>
        <translation>Potřebuje nativní vstupní velikost modelu: aktivace se počítají z obrázku přeškálovaného na ni.</translation>
    </message>
    <message>
        <source>Double-click to fold its layers into one box</source>
        <translation>Dvojklikem složíte její vrstvy do jednoho rámečku</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <source>Downloads are switched off on this classroom PC.</source>
        <translation>Stahování je na tomto učebním počítači vypnuté.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Začít znovu</translation>
    </message>
    <message>
        <source>Start again and delete everything in the folder &apos;{0}&apos;? What was saved or trained there is removed.</source>
        <translation>Začít znovu a smazat vše ve složce &apos;{0}&apos;? Co se v ní uložilo nebo natrénovalo, bude odstraněno.</translation>
    </message>
    <message>
        <source>Start again: the bundled model, the sample photo, and nothing left from the previous student</source>
        <translation>Začít znovu: přiložený model, ukázková fotka a nic, co tu zůstalo po předchozím studentovi</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>Lab</source>
        <extracomment>Exercise 9 grows at most this many steps (a 64-channel layer on a classroom CPU: under a minute). ImageNet networks the Lab uses while SqueezeNet&apos;s weights are missing, best first: the small, quick ones first (exercises 3 and 4 take gradients at the photo&apos;s size on a classroom CPU), then the larger ones by how quickly they answer; each knows the lab&apos;s daisy and flamingo.</extracomment>
        <translation>Cvičení</translation>
    </message>
    <message>
        <source>Each button sets the window up for its step.</source>
        <translation>Každé tlačítko připraví okno pro svůj krok.</translation>
    </message>
    <message>
        <source>1. Explore the network</source>
        <translation>1. Průzkum sítě</translation>
    </message>
    <message>
        <source>Open SqueezeNet, the network of the lab sheet. The table on the left lists its layers, from the input image to the class probabilities.</source>
        <translation>Otevřete SqueezeNet, síť ze zadání cvičení. Tabulka vlevo vypisuje její vrstvy od vstupního obrázku až po pravděpodobnosti tříd.</translation>
    </message>
    <message>
        <source>Open SqueezeNet</source>
        <translation>Otevřít SqueezeNet</translation>
    </message>
    <message>
        <source>The Activations column says what a layer hands on for one image: height × width × channels. Follow it down from conv1: where does the picture shrink, where do channels grow?</source>
        <translation>Sloupec Aktivace říká, co vrstva pro jeden obrázek předává dál: výška × šířka × kanály. Sledujte ho od conv1 dolů: kde se obraz zmenšuje a kde přibývá kanálů?</translation>
    </message>
    <message>
        <source>Show conv1&apos;s activations</source>
        <translation>Ukázat aktivace conv1</translation>
    </message>
    <message>
        <source>Learnables are the numbers that change while the network learns: a convolution&apos;s filters (Weights) and one Bias per filter. Which kinds of layer learn nothing?</source>
        <translation>Učitelné parametry jsou čísla, která se mění, když se síť učí: filtry konvoluce (Váhy) a jeden práh na každý filtr. Které druhy vrstev se nic neučí?</translation>
    </message>
    <message>
        <source>Show conv1&apos;s learnables</source>
        <translation>Ukázat učitelné parametry conv1</translation>
    </message>
    <message>
        <source>2. What the filters see</source>
        <translation>2. Co vidí filtry</translation>
    </message>
    <message>
        <source>Run the flower photo through the first convolution layer. Each tile is one filter&apos;s answer, bright where it responds. Find a filter that lights up the whole flower.</source>
        <translation>Pošlete fotku květiny první konvoluční vrstvou. Každá dlaždice je odpověď jednoho filtru, světlá tam, kde filtr reaguje. Najděte filtr, který rozsvítí celou květinu.</translation>
    </message>
    <message>
        <source>Flower in the first convolution</source>
        <translation>Květina v první konvoluci</translation>
    </message>
    <message>
        <source>Flower in the third convolution</source>
        <translation>Květina ve třetí konvoluci</translation>
    </message>
    <message>
        <source>The photo is larger than the network&apos;s input and still works: a filter slides over an image of any size. Native size squeezes the photo to the input size first. Compare the two.</source>
        <translation>Fotka je větší než vstup sítě, a přesto to funguje: filtr projede obrázek libovolné velikosti. Nativní velikost nejdřív fotku zmenší na vstupní velikost. Porovnejte obojí.</translation>
    </message>
    <message>
        <source>Compare at native size</source>
        <translation>Porovnat v nativní velikosti</translation>
    </message>
    <message>
        <source>3. Fooling images</source>
        <translation>3. Klamné obrazy</translation>
    </message>
    <message>
        <source>Start from random noise and change the pixels, step by step, until the network is sure it sees a {0}.</source>
        <translation>Začněte od náhodného šumu a krok za krokem měňte pixely, dokud si síť nebude jistá, že vidí třídu {0}.</translation>
    </message>
    <message>
        <source>Grow a fooling image</source>
        <translation>Vytvořit klamný obraz</translation>
    </message>
    <message>
        <source>Classify the result as if it were a photo: the network&apos;s answer appears under it.</source>
        <translation>Klasifikujte výsledek, jako by to byla fotka: odpověď sítě se objeví pod ním.</translation>
    </message>
    <message>
        <source>Classify the fooling image</source>
        <translation>Klasifikovat klamný obraz</translation>
    </message>
    <message>
        <source>Does the image resemble its class in any way?</source>
        <translation>Podobá se obrázek své třídě aspoň trochu?</translation>
    </message>
    <message>
        <source>4. Blend with noise</source>
        <translation>4. Prolnutí se šumem</translation>
    </message>
    <message>
        <source>Mix the flower photo with the fooling noise. The chart shows how sure the network is that it sees a {0} as the share of noise grows from 0 to 100 %.</source>
        <translation>Smíchejte fotku květiny s klamným šumem. Graf ukazuje, jak si je síť jistá, že vidí třídu {0}, zatímco podíl šumu roste od 0 do 100 %.</translation>
    </message>
    <message>
        <source>Blend the flower with noise</source>
        <translation>Prolnout květinu se šumem</translation>
    </message>
    <message>
        <source>Move the weight slider (the arrow keys work too) and find where the network stops saying {0}. Would a person still see a flower there?</source>
        <translation>Posouvejte jezdcem váhy (fungují i šipky) a najděte místo, kde síť přestane říkat {0}. Viděl by tam člověk pořád květinu?</translation>
    </message>
    <message>
        <source>Take the slider</source>
        <translation>Přejít na jezdec</translation>
    </message>
    <message>
        <source>Check your answer: the slider jumps to the first weight at which the network changes its mind, the red line on the chart.</source>
        <translation>Ověřte svou odpověď: jezdec skočí na první váhu, při které síť změní názor, tedy na červenou čáru v grafu.</translation>
    </message>
    <message>
        <source>Show where it changes</source>
        <translation>Ukázat, kde se to mění</translation>
    </message>
    <message>
        <source>5. Style transfer</source>
        <translation>5. Přenos stylu</translation>
    </message>
    <message>
        <source>Paint the flower</source>
        <translation>Namalovat květinu</translation>
    </message>
    <message>
        <source>Try another style. What of the photo survives, and what does the style&apos;s texture replace?</source>
        <translation>Zkuste jiný styl. Co z fotky zůstane a co nahradí textura stylu?</translation>
    </message>
    <message>
        <source>Another style</source>
        <translation>Jiný styl</translation>
    </message>
    <message>
        <source>6. GAN</source>
        <translation>6. GAN</translation>
    </message>
    <message>
        <source>Show the training data</source>
        <translation>Ukázat trénovací data</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Spustit trénování</translation>
    </message>
    <message>
        <source>7. Train your own classifier</source>
        <translation>7. Natrénujte vlastní klasifikátor</translation>
    </message>
    <message>
        <source>Drop a folder with one folder of pictures per class on the Train tab (or keep the built-in shapes) and train a classifier on it. Watch the training and validation curves: where do they part?</source>
        <translation>Přetáhněte na kartu Trénink složku, v níž má každá třída svou složku obrázků (nebo ponechte vestavěné tvary), a natrénujte na ní klasifikátor. Sledujte trénovací a validační křivky: kde se rozcházejí?</translation>
    </message>
    <message>
        <source>Train it</source>
        <translation>Natrénovat</translation>
    </message>
    <message>
        <source>The confusion matrix counts what the model said (columns) for each true class (rows). The largest cell off the diagonal is the pair it confuses most; its pictures appear beside it.</source>
        <translation>Matice záměn počítá, co model řekl (sloupce) pro každou skutečnou třídu (řádky). Největší buňka mimo úhlopříčku je dvojice, kterou plete nejčastěji; její obrázky se objeví vedle.</translation>
    </message>
    <message>
        <source>Show the confused pair</source>
        <translation>Ukázat zaměňovanou dvojici</translation>
    </message>
    <message>
        <source>Save the model and look at one of its mistakes in Activations: the model opens with your class names. What does the first convolution see in the picture it got wrong?</source>
        <translation>Uložte model a prohlédněte si jednu z jeho chyb na kartě Aktivace: model se otevře s názvy vašich tříd. Co vidí první konvoluce na obrázku, který určil špatně?</translation>
    </message>
    <message>
        <source>Open a mistake in Activations</source>
        <translation>Otevřít chybu v Aktivacích</translation>
    </message>
    <message>
        <source>Why might the model confuse these two classes?</source>
        <translation>Proč si model tyto dvě třídy může plést?</translation>
    </message>
    <message>
        <source>8. Where does it look?</source>
        <translation>8. Kam se síť dívá?</translation>
    </message>
    <message>
        <source>Grad-CAM colours the places of the flower photo that raise the network&apos;s score for {0}. Is it the flower, or something around it?</source>
        <translation>Grad-CAM obarví místa fotografie květiny, která zvyšují skóre sítě pro třídu {0}. Je to květina, nebo něco kolem ní?</translation>
    </message>
    <message>
        <source>Explain the flower</source>
        <translation>Vysvětlit květinu</translation>
    </message>
    <message>
        <source>Now its adversarial twin: the photo changed by a few levels per pixel until the network says something else. Top: the photo, bottom: the changed image; left for the old label, right for the new one.</source>
        <translation>Teď její adversariální dvojče: fotografie změněná o pár úrovní na pixel, dokud síť neřekne něco jiného. Nahoře fotografie, dole změněný obrázek; vlevo pro starou třídu, vpravo pro novou.</translation>
    </message>
    <message>
        <source>Explain the adversarial twin</source>
        <translation>Vysvětlit adversariální dvojče</translation>
    </message>
    <message>
        <source>Does the network look somewhere else once it is fooled?</source>
        <translation>Dívá se síť jinam, když je oklamaná?</translation>
    </message>
    <message>
        <source>9. What do the filters want?</source>
        <translation>9. Co chtějí filtry vidět?</translation>
    </message>
    <message>
        <source>The mirror of exercise 2: instead of showing what the photo does to each filter, neurolab grows a picture that each filter of the first convolution answers as strongly as it can. Which filters want a colour, which an edge?</source>
        <translation>Zrcadlo cvičení 2: místo toho, co fotografie udělá s každým filtrem, neurolab vypěstuje obrázek, na který každý filtr první konvoluce odpovídá co nejsilněji. Které filtry chtějí barvu a které hranu?</translation>
    </message>
    <message>
        <source>What the first convolution wants</source>
        <translation>Co chce první konvoluce</translation>
    </message>
    <message>
        <source>The third convolution&apos;s filters combine the first ones: their pictures are patterns and textures, stripes, dots and curves.</source>
        <translation>Filtry třetí konvoluce skládají ty první: jejich obrázky jsou vzory a textury, pruhy, tečky a oblouky.</translation>
    </message>
    <message>
        <source>What the third convolution wants</source>
        <translation>Co chce třetí konvoluce</translation>
    </message>
    <message>
        <source>Back to the flower in the third convolution: the tile that answers most strongly is chosen and its filter&apos;s picture shown large. Does the flower have that pattern where the tile is bright?</source>
        <translation>Zpět ke květině ve třetí konvoluci: vybere se dlaždice s nejsilnější odpovědí a obrázek jejího filtru se ukáže zvětšený. Má květina ten vzor tam, kde je dlaždice světlá?</translation>
    </message>
    <message>
        <source>Ask the flower&apos;s strongest tile</source>
        <translation>Zeptat se nejsilnější dlaždice květiny</translation>
    </message>
    <message>
        <source>Why do deeper filters want patterns rather than single colours?</source>
        <translation>Proč hlubší filtry chtějí spíš vzory než jednotlivé barvy?</translation>
    </message>
    <message>
        <source>Set the window up for step {0}</source>
        <translation>Připravit okno pro krok {0}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Question:&lt;/i&gt; {0}</source>
        <translation>&lt;i&gt;Otázka:&lt;/i&gt; {0}</translation>
    </message>
    <message>
        <source>SqueezeNet&apos;s ImageNet weights are not on this computer, so exercises 2–4 use the bundled shapes model: it is trained, and &apos;flower&apos; is one of its classes.</source>
        <translation>Váhy ImageNet pro SqueezeNet na tomto počítači nejsou, proto cvičení 2–4 používají přiložený model shapes: je naučený a &apos;flower&apos; je jednou z jeho tříd.</translation>
    </message>
    <message>
        <source>SqueezeNet&apos;s ImageNet weights are not on this computer, so exercises 2–4 use {0}, another ImageNet network whose weights are here.</source>
        <translation>Váhy ImageNet pro SqueezeNet na tomto počítači nejsou, proto cvičení 2–4 používají {0}, jinou síť pro ImageNet, jejíž váhy tu jsou.</translation>
    </message>
    <message>
        <source>Downloads are off on this PC; your teacher can put SqueezeNet&apos;s weights into the shared weights folder (neurolab models fetch squeezenet, see the README).</source>
        <translation>Stahování je na tomto počítači vypnuté; váhy SqueezeNet může do sdílené složky s váhami uložit vyučující (neurolab models fetch squeezenet, viz README).</translation>
    </message>
    <message>
        <source>To use SqueezeNet as the lab sheet does, open it (exercise 1) and press &apos;Download ImageNet weights&apos; in the Network panel once, online.</source>
        <translation>Chcete-li SqueezeNet použít jako v zadání, otevřete ho (cvičení 1) a jednou (online) stiskněte v panelu Síť &apos;Stáhnout váhy ImageNet&apos;.</translation>
    </message>
    <message>
        <source>At {0} noise the network stops saying {1}.</source>
        <translation>Při {0} šumu síť přestane říkat {1}.</translation>
    </message>
    <message>
        <source>The model made no mistakes on its validation pictures: train on harder classes, or with fewer epochs.</source>
        <translation>Model se na validačních obrázcích nespletl ani jednou: trénujte na těžších třídách nebo s menším počtem epoch.</translation>
    </message>
    <message>
        <source>The model made no mistakes on its validation pictures; its model is open in Activations.</source>
        <translation>Model se na validačních obrázcích nespletl ani jednou; je otevřený v Aktivacích.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}.&lt;/b&gt; {1}</source>
        <translation>&lt;b&gt;{0}.&lt;/b&gt; {1}</translation>
    </message>
    <message>
        <source>Now the third convolution layer: its filters combine simpler features. The flower&apos;s outline stays, but each tile brings out something else: edges, petals, the centre.</source>
        <translation>Teď třetí konvoluční vrstva: filtry skládají jednodušší příznaky. Obrys květu zůstává, ale každá dlaždice zvýrazní něco jiného: hrany, lístky, střed.</translation>
    </message>
    <message>
        <source>Paint the flower in the manner of a bundled style. The picture appears while it is being painted, small first, then larger. The loss curve falls while the size stays the same and jumps up at each dashed line, where the picture is enlarged and judged again at the new size.</source>
        <translation>Namalujte květinu v duchu jednoho z přiložených stylů. Obraz se objevuje už během malování, nejdřív malý, pak větší. Křivka ztráty klesá, dokud se velikost nemění, a na každé čárkované čáře vyskočí nahoru: tam se obraz zvětší a posuzuje se znovu v nové velikosti.</translation>
    </message>
    <message>
        <source>The training data: simple shapes that neurolab draws itself, each shape in its own colour. The generator will learn to draw pictures like these.</source>
        <translation>Trénovací data: jednoduché tvary, které si neurolab kreslí sám, každý tvar svou barvou. Generátor se naučí kreslit podobné obrázky.</translation>
    </message>
    <message>
        <source>Start training. One network draws, the other judges whether a picture is real or drawn; watch the 16 samples turn from noise into coloured blobs and shapes while the two losses push against each other. Which colours, and so which shapes, does the generator leave out?</source>
        <translation>Spusťte trénování. Jedna síť kreslí, druhá posuzuje, zda je obrázek skutečný, nebo nakreslený; sledujte, jak se 16 vzorků mění ze šumu v barevné skvrny a tvary, zatímco se obě ztráty přetahují. Které barvy, a tedy které tvary, generátor vynechává?</translation>
    </message>
    <message>
        <source>Exercises 2–4 use SqueezeNet with its ImageNet weights, as the lab sheet does.</source>
        <translation>Cvičení 2–4 používají SqueezeNet s váhami ImageNet, stejně jako zadání.</translation>
    </message>
    <message>
        <source>Setting up: {0}…</source>
        <translation>Příprava: {0}…</translation>
    </message>
    <message>
        <source>Ready: {0}.</source>
        <translation>Připraveno: {0}.</translation>
    </message>
    <message>
        <source>The set-up stopped: {0}</source>
        <translation>Příprava se zastavila: {0}</translation>
    </message>
    <message>
        <source>The set-up was cancelled; press its button again to repeat it.</source>
        <translation>Příprava byla zrušena; chcete-li ji zopakovat, stiskněte znovu její tlačítko.</translation>
    </message>
    <message>
        <source>With this noise the network keeps saying {0} all the way. Grow a fooling image with more steps and blend again.</source>
        <translation>S tímto šumem síť celou dobu říká {0}. Vytvořte klamný obraz s více kroky a prolněte znovu.</translation>
    </message>
    <message>
        <source>Training is running: the samples are on the right.</source>
        <translation>Trénování běží: vzorky jsou vpravo.</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>The network to explore</source>
        <translation>Síť, kterou chcete prozkoumat</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Otevřít…</translation>
    </message>
    <message>
        <source>Open a .keras or .h5 model file</source>
        <translation>Otevřít soubor modelu .keras nebo .h5</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>Načítání TensorFlow…</translation>
    </message>
    <message>
        <source>Download ImageNet weights</source>
        <translation>Stáhnout váhy ImageNet</translation>
    </message>
    <message>
        <source>Fetch the trained weights once into Keras&apos;s cache; afterwards the model works offline</source>
        <translation>Jednou stáhne naučené váhy do mezipaměti Kerasu; potom model funguje i offline</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Název</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivace</translation>
    </message>
    <message>
        <source>Learnables</source>
        <translation>Učitelné parametry</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametry</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Popis</translation>
    </message>
    <message>
        <source>Position of the layer in the network, counting the input as 1.</source>
        <translation>Pořadí vrstvy v síti; vstup má číslo 1.</translation>
    </message>
    <message>
        <source>The layer&apos;s name; click it to see its activations.</source>
        <translation>Název vrstvy; kliknutím zobrazíte její aktivace.</translation>
    </message>
    <message>
        <source>What kind of layer it is, in MATLAB&apos;s words.</source>
        <translation>Druh vrstvy, pojmenovaný jako v MATLABu.</translation>
    </message>
    <message>
        <source>Size of what the layer outputs for one image: height × width × channels.</source>
        <translation>Velikost výstupu vrstvy pro jeden obrázek: výška × šířka × kanály.</translation>
    </message>
    <message>
        <source>The values the layer learns during training, with their shapes.</source>
        <translation>Hodnoty, které se vrstva učí při trénování, a jejich tvary.</translation>
    </message>
    <message>
        <source>How many numbers the layer stores (learnt and fixed).</source>
        <translation>Kolik čísel vrstva uchovává (naučených i pevných).</translation>
    </message>
    <message>
        <source>What the layer does, with its settings.</source>
        <translation>Co vrstva dělá a s jakým nastavením.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Změnit</translation>
    </message>
    <message>
        <source>How pixel values (0–255) are scaled before the network sees them; the choice is remembered for this model</source>
        <translation>Jak se hodnoty pixelů (0–255) převedou, než je síť uvidí; volba se pro tento model pamatuje</translation>
    </message>
    <message>
        <source>Input: {0}</source>
        <translation>Vstup: {0}</translation>
    </message>
    <message>
        <source>Input: –</source>
        <translation>Vstup: –</translation>
    </message>
    <message>
        <source>Needs the model&apos;s native input size: activations use the image resized to it.</source>
        <translation>Potřebuje nativní vstupní velikost modelu: aktivace se počítají z obrázku přeškálovaného na ni.</translation>
    </message>
    <message>
        <source>Total parameters: {0}</source>
        <translation>Parametrů celkem: {0}</translation>
    </message>
</context>
<context>
    <name>LayerTypes</name>
    <message>
        <source>Image Input</source>
        <translation>Obrazový vstup</translation>
    </message>
    <message>
        <source>3-D Image Input</source>
        <translation>3D obrazový vstup</translation>
    </message>
    <message>
        <source>Feature Input</source>
        <translation>Vstup příznaků</translation>
    </message>
    <message>
        <source>Sequence Input</source>
        <translation>Sekvenční vstup</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Konvoluce</translation>
    </message>
    <message>
        <source>1-D Convolution</source>
        <translation>1D konvoluce</translation>
    </message>
    <message>
        <source>3-D Convolution</source>
        <translation>3D konvoluce</translation>
    </message>
    <message>
        <source>Grouped Convolution</source>
        <translation>Skupinová konvoluce</translation>
    </message>
    <message>
        <source>1-D Grouped Convolution</source>
        <translation>1D skupinová konvoluce</translation>
    </message>
    <message>
        <source>3-D Grouped Convolution</source>
        <translation>3D skupinová konvoluce</translation>
    </message>
    <message>
        <source>Separable Convolution</source>
        <translation>Separabilní konvoluce</translation>
    </message>
    <message>
        <source>1-D Separable Convolution</source>
        <translation>1D separabilní konvoluce</translation>
    </message>
    <message>
        <source>Transposed Convolution</source>
        <translation>Transponovaná konvoluce</translation>
    </message>
    <message>
        <source>1-D Transposed Convolution</source>
        <translation>1D transponovaná konvoluce</translation>
    </message>
    <message>
        <source>3-D Transposed Convolution</source>
        <translation>3D transponovaná konvoluce</translation>
    </message>
    <message>
        <source>Fully Connected</source>
        <translation>Plně propojená</translation>
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
        <translation>Omezená ReLU</translation>
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
        <translation>Sigmoida</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Lineární</translation>
    </message>
    <message>
        <source>Max Pooling</source>
        <translation>Sdružování maximem</translation>
    </message>
    <message>
        <source>1-D Max Pooling</source>
        <translation>1D sdružování maximem</translation>
    </message>
    <message>
        <source>3-D Max Pooling</source>
        <translation>3D sdružování maximem</translation>
    </message>
    <message>
        <source>Average Pooling</source>
        <translation>Sdružování průměrem</translation>
    </message>
    <message>
        <source>1-D Average Pooling</source>
        <translation>1D sdružování průměrem</translation>
    </message>
    <message>
        <source>3-D Average Pooling</source>
        <translation>3D sdružování průměrem</translation>
    </message>
    <message>
        <source>Global Max Pooling</source>
        <translation>Globální výběr maxima</translation>
    </message>
    <message>
        <source>1-D Global Max Pooling</source>
        <translation>1D globální výběr maxima</translation>
    </message>
    <message>
        <source>3-D Global Max Pooling</source>
        <translation>3D globální výběr maxima</translation>
    </message>
    <message>
        <source>Global Average Pooling</source>
        <translation>Globální průměrování</translation>
    </message>
    <message>
        <source>1-D Global Average Pooling</source>
        <translation>1D globální průměrování</translation>
    </message>
    <message>
        <source>3-D Global Average Pooling</source>
        <translation>3D globální průměrování</translation>
    </message>
    <message>
        <source>Batch Normalization</source>
        <translation>Dávková normalizace</translation>
    </message>
    <message>
        <source>Layer Normalization</source>
        <translation>Normalizace vrstvy</translation>
    </message>
    <message>
        <source>Group Normalization</source>
        <translation>Skupinová normalizace</translation>
    </message>
    <message>
        <source>Normalization</source>
        <translation>Normalizace</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Zploštění</translation>
    </message>
    <message>
        <source>Reshape</source>
        <translation>Změna tvaru</translation>
    </message>
    <message>
        <source>Depth concatenation</source>
        <translation>Spojení do hloubky</translation>
    </message>
    <message>
        <source>Concatenation</source>
        <translation>Spojení</translation>
    </message>
    <message>
        <source>Addition</source>
        <translation>Sčítání</translation>
    </message>
    <message>
        <source>Subtraction</source>
        <translation>Odčítání</translation>
    </message>
    <message>
        <source>Multiplication</source>
        <translation>Násobení</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Průměr</translation>
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
        <translation>Doplnění nulami</translation>
    </message>
    <message>
        <source>Cropping</source>
        <translation>Oříznutí</translation>
    </message>
    <message>
        <source>Rescaling</source>
        <translation>Přeškálování</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Změna velikosti</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Síť</translation>
    </message>
</context>
<context>
    <name>Learnables</name>
    <message>
        <source>Weights</source>
        <extracomment>The learnables&apos; names, MATLAB&apos;s words (core.inspection.analysis).</extracomment>
        <translation>Váhy</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>Práh</translation>
    </message>
    <message>
        <source>DepthwiseWeights</source>
        <translation>Váhy po kanálech</translation>
    </message>
    <message>
        <source>PointwiseWeights</source>
        <translation>Bodové váhy</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Posun</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Měřítko</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>neurolab — what does the network see?</source>
        <extracomment>Below this available screen size the first window is maximised (a 1366×768 classroom PC).</extracomment>
        <translation>neurolab — co vidí neuronová síť?</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Síť</translation>
    </message>
    <message>
        <source>Click to dismiss</source>
        <translation>Kliknutím skryjete</translation>
    </message>
    <message>
        <source>Model: –</source>
        <translation>Model: –</translation>
    </message>
    <message>
        <source>Device: –</source>
        <translation>Zařízení: –</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Soubor</translation>
    </message>
    <message>
        <source>Open &amp;image…</source>
        <translation>Otevřít &amp;obrázek…</translation>
    </message>
    <message>
        <source>Open &amp;model file…</source>
        <translation>Otevřít soubor &amp;modelu…</translation>
    </message>
    <message>
        <source>Open &amp;sample</source>
        <translation>Otevřít &amp;ukázku</translation>
    </message>
    <message>
        <source>&amp;Cancel running job</source>
        <translation>Z&amp;rušit běžící úlohu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Konec</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Zobrazit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Nápověda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Klávesové zkratky…</translation>
    </message>
    <message>
        <source>&amp;About neurolab</source>
        <translation>&amp;O programu neurolab</translation>
    </message>
    <message>
        <source>Layer &amp;graph</source>
        <translation>&amp;Graf vrstev</translation>
    </message>
    <message>
        <source>&amp;Find layer…</source>
        <translation>&amp;Najít vrstvu…</translation>
    </message>
    <message>
        <source>Find &amp;next layer</source>
        <translation>Najít &amp;další vrstvu</translation>
    </message>
    <message>
        <source>Find &amp;previous layer</source>
        <translation>Najít &amp;předchozí vrstvu</translation>
    </message>
    <message>
        <source>Export &amp;graph…</source>
        <translation>Exportovat &amp;graf…</translation>
    </message>
    <message>
        <source>Export layer &amp;table…</source>
        <translation>Exportovat &amp;tabulku vrstev…</translation>
    </message>
    <message>
        <source>Export graph</source>
        <translation>Exportovat graf</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png)</source>
        <translation>Kresba SVG (*.svg);;Obrázek PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Nelze zapsat {0}: {1}</translation>
    </message>
    <message>
        <source>Graph written to {0}</source>
        <translation>Graf zapsán do {0}</translation>
    </message>
    <message>
        <source>Export layer table</source>
        <translation>Exportovat tabulku vrstev</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;Markdown table (*.md)</source>
        <translation>Tabulka CSV (*.csv);;Tabulka Markdown (*.md)</translation>
    </message>
    <message>
        <source>Layer table written to {0}</source>
        <translation>Tabulka vrstev zapsána do {0}</translation>
    </message>
    <message>
        <source>{0} (automatic)</source>
        <translation>{0} (automaticky)</translation>
    </message>
    <message>
        <source>Device: {0}, {1}</source>
        <translation>Zařízení: {0}, {1}</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Přiblíž&amp;it</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Oddálit</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Skutečná velikost</translation>
    </message>
    <message>
        <source>Zoom: {0}</source>
        <translation>Přiblížení: {0}</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Jazyk</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>&amp;Podle systému</translation>
    </message>
    <message>
        <source>About neurolab</source>
        <translation>O programu neurolab</translation>
    </message>
    <message>
        <source>neurolab {0}
See what a convolutional neural network sees.</source>
        <translation>neurolab {0}
Podívejte se, co vidí konvoluční neuronová síť.</translation>
    </message>
    <message>
        <source> — ready</source>
        <translation> — připraveno</translation>
    </message>
    <message>
        <source> — needs download ({0} MB)</source>
        <translation> — ke stažení ({0} MB)</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>Otevírání {0}…</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>Model: {0}</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Není načten žádný model.</translation>
    </message>
    <message>
        <source>Downloading the ImageNet weights for {0}…</source>
        <translation>Stahování vah ImageNet pro {0}…</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Otevřít model</translation>
    </message>
    <message>
        <source>On this classroom PC neurolab stays open; press Reset to start again.</source>
        <translation>Na tomto školním počítači zůstává neurolab otevřený; chcete-li začít znovu, stiskněte Začít znovu.</translation>
    </message>
    <message>
        <source>reading {0}</source>
        <translation>čtení {0}</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Otevřít obrázek</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is outside the class folder; on this classroom PC only files from that folder can be opened.</source>
        <translation>&apos;{0}&apos; leží mimo složku třídy; na tomto učebním počítači lze otevírat jen soubory z této složky.</translation>
    </message>
</context>
<context>
    <name>MosaicView</name>
    <message>
        <source>Unit {0}: value {1}</source>
        <translation>Neuron {0}: hodnota {1}</translation>
    </message>
    <message>
        <source>Channel {0}: values {1} to {2}. Click to see it large.</source>
        <translation>Kanál {0}: hodnoty od {1} do {2}. Kliknutím ho zvětšíte.</translation>
    </message>
</context>
<context>
    <name>OutsideTexts</name>
    <message>
        <source>Permission denied</source>
        <extracomment>Text core passes on from the system (``OSError.strerror``, a socket&apos;s &quot;timed out&quot;): the common ones, so a Czech window says why a file or a download failed in Czech.</extracomment>
        <translation>přístup odepřen</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>soubor nebo složka neexistuje</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>soubor s tímto názvem už existuje</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>cesta vede přes soubor, ne složku</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>vypršel časový limit</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>spojení odmítnuto</translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation>dočasné selhání překladu názvu</translation>
    </message>
    <message>
        <source>Network is unreachable</source>
        <translation>síť je nedostupná</translation>
    </message>
</context>
<context>
    <name>PrecisionMenu</name>
    <message>
        <source>Pr&amp;ecision</source>
        <translation>Př&amp;esnost</translation>
    </message>
    <message>
        <source>&amp;Automatic (the fastest this computer computes well)</source>
        <translation>&amp;Automaticky (nejrychlejší, kterou tento počítač počítá dobře)</translation>
    </message>
</context>
<context>
    <name>PreprocessingMenu</name>
    <message>
        <source>&amp;Preprocessing</source>
        <translation>&amp;Předzpracování</translation>
    </message>
    <message>
        <source>Custom mean/std…</source>
        <translation>Vlastní průměr a odchylka…</translation>
    </message>
    <message>
        <source>Custom: {0}</source>
        <translation>Vlastní: {0}</translation>
    </message>
    <message>
        <source>&amp;Model&apos;s default: {0}</source>
        <translation>&amp;Výchozí pro model: {0}</translation>
    </message>
    <message>
        <source>&amp;Model&apos;s default</source>
        <translation>&amp;Výchozí pro model</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>Network says: {0} ({1})</source>
        <translation>Síť říká: {0} ({1})</translation>
    </message>
    <message>
        <source>Network says: –</source>
        <translation>Síť říká: –</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Cat</source>
        <extracomment>The bundled sample photos and styles (resources/images, resources/styles), named after their files.</extracomment>
        <translation>Kočka</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>Káva</translation>
    </message>
    <message>
        <source>Flower</source>
        <translation>Květina</translation>
    </message>
    <message>
        <source>Rocket</source>
        <translation>Raketa</translation>
    </message>
    <message>
        <source>Temple</source>
        <translation>Chrám</translation>
    </message>
    <message>
        <source>Brush strokes</source>
        <translation>Tahy štětcem</translation>
    </message>
    <message>
        <source>Stained glass</source>
        <translation>Vitráž</translation>
    </message>
    <message>
        <source>Woodcut waves</source>
        <translation>Dřevořezové vlny</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file &apos;{0}&apos; is damaged and cannot be moved; this session starts from the default settings and keeps none.</source>
        <extracomment>What the window itself stores (each tab adds its own keys, ``Tab.settings_keys``).</extracomment>
        <translation>Soubor nastavení &apos;{0}&apos; je poškozený a nelze ho přesunout; tato relace začíná s výchozím nastavením a nic z něj neuloží.</translation>
    </message>
    <message>
        <source>The settings file was damaged, so neurolab started from the default settings; the old file is kept as &apos;{0}&apos;.</source>
        <translation>Soubor nastavení byl poškozený, proto neurolab začal s výchozím nastavením; původní soubor je uložen jako &apos;{0}&apos;.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Klávesové zkratky</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Okno</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Klávesy</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Akce</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Kde</translation>
    </message>
    <message>
        <source>Every control can also be reached with Tab; the underlined letter of a menu opens it with Alt.</source>
        <translation>Na každý ovládací prvek se dostanete i klávesou Tab; podtržené písmeno nabídky ji otevře spolu s Alt.</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Všude</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Move to the next / previous control</source>
        <translation>Přejít na další / předchozí ovládací prvek</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mezerník</translation>
    </message>
    <message>
        <source>Press the focused button or tick the focused box</source>
        <translation>Stisknout aktivní tlačítko nebo zaškrtnout aktivní políčko</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Šipky</translation>
    </message>
    <message>
        <source>Move a slider, choose in a list or in the layer table</source>
        <translation>Posunout jezdec, vybírat v seznamu nebo v tabulce vrstev</translation>
    </message>
    <message>
        <source>Ctrl+Tab</source>
        <translation>Ctrl+Tab</translation>
    </message>
    <message>
        <source>Next tab, when a control in the tabs has the focus</source>
        <translation>Další karta, když je aktivní prvek na kartách</translation>
    </message>
    <message>
        <source>Alt+letter</source>
        <translation>Alt+písmeno</translation>
    </message>
    <message>
        <source>Open a menu by its underlined letter</source>
        <translation>Otevřít nabídku podtrženým písmenem</translation>
    </message>
</context>
<context>
    <name>StyleTab</name>
    <message>
        <source>Drop a content photo here</source>
        <translation>Přetáhněte sem fotku s obsahem</translation>
    </message>
    <message>
        <source>Drop a style image here</source>
        <translation>Přetáhněte sem obrázek se stylem</translation>
    </message>
    <message>
        <source>Press Start: the result appears here as it is painted</source>
        <translation>Stiskněte Spustit: výsledek se tu objevuje, jak se maluje</translation>
    </message>
    <message>
        <source>Open content…</source>
        <translation>Otevřít obsah…</translation>
    </message>
    <message>
        <source>Open style…</source>
        <translation>Otevřít styl…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Result&lt;/b&gt;</source>
        <translation>&lt;b&gt;Výsledek&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Content&lt;/b&gt;</source>
        <translation>&lt;b&gt;Obsah&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Style&lt;/b&gt;</source>
        <translation>&lt;b&gt;Styl&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Use result as content</source>
        <translation>Výsledek jako obsah</translation>
    </message>
    <message>
        <source>Style the result again, e.g. with another style</source>
        <translation>Stylizovat výsledek znovu, třeba jiným stylem</translation>
    </message>
    <message>
        <source>Previous content</source>
        <translation>Předchozí obsah</translation>
    </message>
    <message>
        <source>Go back to the content image before &apos;Use result as content&apos;</source>
        <translation>Vrátit se k obsahovému obrázku před použitím &apos;Výsledek jako obsah&apos;</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Uložit PNG…</translation>
    </message>
    <message>
        <source>step</source>
        <translation>krok</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>ztráta</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Ztráta</translation>
    </message>
    <message>
        <source>The loss, once a transfer runs</source>
        <translation>Ztráta, jakmile přenos poběží</translation>
    </message>
    <message>
        <source>The loss falls within each scale; at each dashed line the picture is enlarged and the loss, measured at the new size, jumps up</source>
        <translation>Ztráta klesá v rámci každého měřítka; na každé čárkované čáře se obraz zvětší a ztráta, měřená v nové velikosti, vyskočí nahoru</translation>
    </message>
    <message>
        <source>Backbone: {0}</source>
        <translation>Extraktor příznaků: {0}</translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation>Ukázky…</translation>
    </message>
    <message>
        <source>Bundled styles…</source>
        <translation>Přiložené styly…</translation>
    </message>
    <message>
        <source>How strongly the Gram matrices (textures) of the style image are matched</source>
        <translation>Jak silně se mají shodovat Gramovy matice (textury) obrázku se stylem</translation>
    </message>
    <message>
        <source>How strongly the photo&apos;s deeper features (its layout) are kept</source>
        <translation>Jak silně se mají zachovat hlubší příznaky fotky (její rozvržení)</translation>
    </message>
    <message>
        <source>Smoothness: penalises pixel-to-pixel noise</source>
        <translation>Hladkost: penalizuje šum mezi sousedními pixely</translation>
    </message>
    <message>
        <source>Style weight</source>
        <translation>Váha stylu</translation>
    </message>
    <message>
        <source>Content weight</source>
        <translation>Váha obsahu</translation>
    </message>
    <message>
        <source>Smoothness (TV) weight</source>
        <translation>Váha hladkosti (TV)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Long side of the result; twice the size takes about four times as long</source>
        <translation>Delší strana výsledku; dvojnásobná velikost trvá asi čtyřikrát déle</translation>
    </message>
    <message>
        <source>Optimisation steps over all scales (coarse to fine)</source>
        <translation>Kroky optimalizace přes všechna měřítka (od hrubého k jemnému)</translation>
    </message>
    <message>
        <source>the content image</source>
        <translation>obsahový obrázek</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>šum</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Výchozí obraz</translation>
    </message>
    <message>
        <source>Step {0}/{1} — {2} — loss {3}</source>
        <translation>Krok {0}/{1} — {2} — ztráta {3}</translation>
    </message>
    <message>
        <source>{0} — about {1} left</source>
        <translation>{0} — zbývá asi {1}</translation>
    </message>
    <message>
        <source>{0}×{1} px</source>
        <translation>{0}×{1} px</translation>
    </message>
    <message>
        <source>Done: {0}. Final loss {1}.</source>
        <translation>Hotovo: {0}. Konečná ztráta {1}.</translation>
    </message>
    <message>
        <source>Cancelled at step {0}; the image of that step is kept.</source>
        <translation>Zrušeno v kroku {0}; obrázek z tohoto kroku zůstává.</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automaticky</translation>
    </message>
    <message>
        <source>Style transfer</source>
        <translation>Přenos stylu</translation>
    </message>
    <message>
        <source>VGG19 (ImageNet weights)</source>
        <translation>VGG19 (váhy ImageNet)</translation>
    </message>
    <message>
        <source>random filters (offline)</source>
        <translation>náhodné filtry (offline)</translation>
    </message>
    <message>
        <source>the bundled shapes model (offline)</source>
        <translation>přiložený model shapes (offline)</translation>
    </message>
    <message>
        <source>VGG19 needs its ImageNet weights (neurolab models fetch vgg19); random multi-scale filters and the bundled model&apos;s filters work offline</source>
        <translation>VGG19 potřebuje své váhy ImageNet (neurolab models fetch vgg19); náhodné víceúrovňové filtry a filtry přiloženého modelu fungují offline</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Velikost</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Kroky</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <source>Start the transfer (Ctrl+Enter)</source>
        <translation>Spustit přenos (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Zrušit</translation>
    </message>
    <message>
        <source>Stop and keep the latest image</source>
        <translation>Zastavit a ponechat poslední obrázek</translation>
    </message>
    <message>
        <source>Default weights</source>
        <translation>Výchozí váhy</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Extraktor příznaků</translation>
    </message>
    <message>
        <source>reading {0}</source>
        <translation>čtení {0}</translation>
    </message>
    <message>
        <source>Open content image</source>
        <translation>Otevřít obsahový obrázek</translation>
    </message>
    <message>
        <source>Open style image</source>
        <translation>Otevřít obrázek se stylem</translation>
    </message>
    <message>
        <source>styled {0}</source>
        <translation>stylizovaný {0}</translation>
    </message>
    <message>
        <source>The result is now the content image.</source>
        <translation>Výsledek je teď obsahovým obrázkem.</translation>
    </message>
    <message>
        <source>VGG19 with ImageNet weights</source>
        <translation>VGG19 s váhami ImageNet</translation>
    </message>
    <message>
        <source>the bundled shapes model&apos;s filters (offline)</source>
        <translation>filtry přiloženého modelu shapes (offline)</translation>
    </message>
    <message>
        <source>random multi-scale filters (offline)</source>
        <translation>náhodné víceúrovňové filtry (offline)</translation>
    </message>
    <message>
        <source>{0} — VGG19&apos;s ImageNet weights are not cached</source>
        <translation>{0} — váhy ImageNet pro VGG19 nejsou v mezipaměti</translation>
    </message>
    <message>
        <source>Open a content image and a style image first.</source>
        <translation>Nejdřív otevřete obsahový obrázek a obrázek se stylem.</translation>
    </message>
    <message>
        <source>Preparing the backbone…</source>
        <translation>Příprava extraktoru příznaků…</translation>
    </message>
    <message>
        <source>{0}×{1} px, {2} steps in {3}, backbone: {4}</source>
        <translation>{0}×{1} px, kroků: {2} za {3}, extraktor příznaků: {4}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Zrušeno.</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Zastaveno: {0}</translation>
    </message>
    <message>
        <source>Save result</source>
        <translation>Uložit výsledek</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Obrázky PNG (*.png)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo: {0}</translation>
    </message>
</context>
<context>
    <name>TrainTab</name>
    <message>
        <source>Train</source>
        <extracomment>Settings written before version 2 saved the backbone &quot;bundled&quot; (then the default) even when nobody chose it; from version 2 the default is &quot;auto&quot; (chosen by the pictures).</extracomment>
        <translation>Trénink</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Trénování</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Vyhodnocení</translation>
    </message>
    <message>
        <source>Choose the data: the built-in shapes, or drop a folder with one folder of pictures per class on this tab.</source>
        <translation>Vyberte data: vestavěné tvary, nebo na tuto kartu přetáhněte složku, v níž má každá třída svou složku obrázků.</translation>
    </message>
    <message>
        <source>Built-in shapes</source>
        <translation>Vestavěné tvary</translation>
    </message>
    <message>
        <source>Shapes drawn by neurolab (nothing to download), or a folder of class folders</source>
        <translation>Tvary, které kreslí neurolab (nic se nestahuje), nebo složka se složkami tříd</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Otevřít složku…</translation>
    </message>
    <message>
        <source>A folder holding one folder of pictures per class (the folder names become the class names)</source>
        <translation>Složka s jednou složkou obrázků pro každou třídu (názvy složek se stanou názvy tříd)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Fine-tune the last block</source>
        <translation>Doladit poslední blok</translation>
    </message>
    <message>
        <source>Also train the backbone&apos;s last block: slower, sometimes more accurate</source>
        <translation>Trénovat i poslední blok základní sítě: pomalejší, někdy přesnější</translation>
    </message>
    <message>
        <source>Augment the pictures</source>
        <translation>Obměňovat obrázky</translation>
    </message>
    <message>
        <source>Flip, turn, zoom and change the contrast a little, so the model sees more variety</source>
        <translation>Trochu překlápět, otáčet, přibližovat a měnit kontrast, aby model viděl větší rozmanitost</translation>
    </message>
    <message>
        <source>Passes over the training pictures; training stops early when the validation loss stops falling</source>
        <translation>Průchody trénovacími obrázky; trénink skončí dřív, když validační ztráta přestane klesat</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Základní síť</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochy</translation>
    </message>
    <message>
        <source>Its ImageNet weights are not on this computer</source>
        <translation>Její váhy ImageNet nejsou v tomto počítači</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automaticky</translation>
    </message>
    <message>
        <source>Bundled shapes model</source>
        <translation>Přibalený model tvarů</translation>
    </message>
    <message>
        <source>Small CNN from scratch</source>
        <translation>Malá CNN od nuly</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Běh</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Spustit</translation>
    </message>
    <message>
        <source>Train a new classifier on the chosen data</source>
        <translation>Natrénovat nový klasifikátor na vybraných datech</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pozastavit</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Zastavit</translation>
    </message>
    <message>
        <source>End training now and keep the best epoch</source>
        <translation>Ukončit trénink a ponechat nejlepší epochu</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>Uložit model…</translation>
    </message>
    <message>
        <source>Write the model (.keras) and its class names, then open it in the window</source>
        <translation>Zapsat model (.keras) a názvy jeho tříd, pak ho otevřít v okně</translation>
    </message>
    <message>
        <source>Export metrics…</source>
        <translation>Exportovat metriky…</translation>
    </message>
    <message>
        <source>The history as CSV and everything as JSON beside it</source>
        <translation>Průběh jako CSV a vše ostatní jako JSON vedle něj</translation>
    </message>
    <message>
        <source>No data read yet.</source>
        <translation>Zatím nejsou načtena žádná data.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epocha</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>ztráta</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Ztráta</translation>
    </message>
    <message>
        <source>Training and validation loss, once training starts</source>
        <translation>Trénovací a validační ztráta, jakmile začne trénink</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>přesnost</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Přesnost</translation>
    </message>
    <message>
        <source>Training and validation accuracy, once training starts</source>
        <translation>Trénovací a validační přesnost, jakmile začne trénink</translation>
    </message>
    <message>
        <source>Each row as shares of its true class instead of counts</source>
        <translation>Každý řádek jako podíly jeho skutečné třídy místo počtů</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are the true classes, columns what the model said. Click a cell.</source>
        <translation>Matice záměn: řádky jsou skutečné třídy, sloupce to, co řekl model. Klikněte na buňku.</translation>
    </message>
    <message>
        <source>The most confident mistakes, after training</source>
        <translation>Nejjistější chyby, po tréninku</translation>
    </message>
    <message>
        <source>The network whose features the new classifier learns from; Automatic: a small CNN from scratch for small pictures, else a pretrained one; greyed out: its ImageNet weights are not on this computer</source>
        <translation>Síť, z jejíchž příznaků se nový klasifikátor učí; Automaticky: pro malé obrázky malá CNN od nuly, jinak předtrénovaná síť; šedě: její váhy ImageNet nejsou v tomto počítači</translation>
    </message>
    <message>
        <source>Test folder…</source>
        <translation>Testovací složka…</translation>
    </message>
    <message>
        <source>Optional: a folder with the same class folders, judged after training instead of the validation pictures</source>
        <translation>Nepovinné: složka se stejnými složkami tříd, na které se model po tréninku posoudí místo validačních obrázků</translation>
    </message>
    <message>
        <source>No test folder</source>
        <translation>Bez testovací složky</translation>
    </message>
    <message>
        <source>Judge the model on the validation pictures again</source>
        <translation>Posuzovat model znovu na validačních obrázcích</translation>
    </message>
    <message>
        <source>A separate test folder needs a folder of class folders as the data.</source>
        <translation>Samostatná testovací složka potřebuje jako data složku se složkami tříd.</translation>
    </message>
    <message numerus="yes">
        <source>Test folder {0}: %n pictures, judged after training instead of the validation pictures.</source>
        <translation>
            <numerusform>Testovací složka {0}: %n obrázek; po tréninku se model posoudí na nich místo na validačních obrázcích.</numerusform>
            <numerusform>Testovací složka {0}: %n obrázky; po tréninku se model posoudí na nich místo na validačních obrázcích.</numerusform>
            <numerusform>Testovací složka {0}: %n obrázků; po tréninku se model posoudí na nich místo na validačních obrázcích.</numerusform>
        </translation>
    </message>
    <message>
        <source>Test folder {0}.</source>
        <translation>Testovací složka {0}.</translation>
    </message>
    <message>
        <source>No test folder: the model is judged on the validation pictures.</source>
        <translation>Bez testovací složky: model se posoudí na validačních obrázcích.</translation>
    </message>
    <message>
        <source>Row shares (%)</source>
        <translation>Podíly v řádku (%)</translation>
    </message>
    <message>
        <source>Drop any picture on this tab to see what the model says.</source>
        <translation>Přetáhněte na tuto kartu libovolný obrázek a uvidíte, co na něj model řekne.</translation>
    </message>
    <message>
        <source>Folder of class folders</source>
        <translation>Složka se složkami tříd</translation>
    </message>
    <message>
        <source>Test folder of class folders</source>
        <translation>Testovací složka se složkami tříd</translation>
    </message>
    <message>
        <source>Stop the training before changing its data.</source>
        <translation>Před změnou dat trénink zastavte.</translation>
    </message>
    <message>
        <source>Choose a folder of class folders as the data first; the test folder needs the same class names.</source>
        <translation>Nejdřív zvolte jako data složku se složkami tříd; testovací složka potřebuje stejné názvy tříd.</translation>
    </message>
    <message>
        <source>reading the pictures</source>
        <translation>čtení obrázků</translation>
    </message>
    <message>
        <source>Reading the pictures…</source>
        <translation>Čtu obrázky…</translation>
    </message>
    <message numerus="yes">
        <source>%n pictures in {0} classes; {1} of each class is kept for validation.</source>
        <translation>
            <numerusform>%n obrázek ve třídách: {0}; {1} každé třídy se ponechá na validaci.</numerusform>
            <numerusform>%n obrázky ve třídách: {0}; {1} každé třídy se ponechá na validaci.</numerusform>
            <numerusform>%n obrázků ve třídách: {0}; {1} každé třídy se ponechá na validaci.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n files that are not readable pictures: {0}{1}</source>
        <translation>
            <numerusform>Vynechán %n soubor, který není čitelný obrázek: {0}{1}</numerusform>
            <numerusform>Vynechány %n soubory, které nejsou čitelné obrázky: {0}{1}</numerusform>
            <numerusform>Vynecháno %n souborů, které nejsou čitelné obrázky: {0}{1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n pictures</source>
        <translation>
            <numerusform>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n obrázek</numerusform>
            <numerusform>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n obrázky</numerusform>
            <numerusform>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;%n obrázků</numerusform>
        </translation>
    </message>
    <message>
        <source>Press Start to train a classifier on these pictures.</source>
        <translation>Stiskněte Spustit a natrénujte na těchto obrázcích klasifikátor.</translation>
    </message>
    <message>
        <source>The data cannot be used: {0}</source>
        <translation>Data nelze použít: {0}</translation>
    </message>
    <message>
        <source>Building the model…</source>
        <translation>Sestavuji model…</translation>
    </message>
    <message>
        <source>building the model</source>
        <translation>sestavování modelu</translation>
    </message>
    <message>
        <source>Chosen for these pictures: {0} at {1}×{1} px.</source>
        <translation>Zvoleno pro tyto obrázky: {0} při {1}×{1} px.</translation>
    </message>
    <message>
        <source>No augmentation: every class has enough pictures of its own.</source>
        <translation>Obrázky se neobměňují: každá třída jich má dost vlastních.</translation>
    </message>
    <message>
        <source>Paused after epoch {0}. Resume goes on from here; Stop keeps the best epoch.</source>
        <translation>Pozastaveno po epoše {0}. Pokračovat naváže odsud; Zastavit ponechá nejlepší epochu.</translation>
    </message>
    <message>
        <source>Restoring the best epoch and evaluating…</source>
        <translation>Obnovuji nejlepší epochu a vyhodnocuji…</translation>
    </message>
    <message>
        <source>epoch {0} of {1}</source>
        <translation>epocha {0} z {1}</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>zbývá asi {0}</translation>
    </message>
    <message>
        <source>validation accuracy {0}</source>
        <translation>validační přesnost {0}</translation>
    </message>
    <message>
        <source>training</source>
        <translation>trénovací</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validační</translation>
    </message>
    <message>
        <source>Finished: accuracy on the test folder {0} (best epoch {1}, {2}). Save the model to explore it in Activations and Adversarial.</source>
        <translation>Hotovo: přesnost na testovací složce {0} (nejlepší epocha {1}, {2}). Uložte model a prozkoumejte ho v Aktivacích a Adversariálních útocích.</translation>
    </message>
    <message>
        <source>Finished: validation accuracy {0} (best epoch {1}, {2}). Save the model to explore it in Activations and Adversarial.</source>
        <translation>Hotovo: validační přesnost {0} (nejlepší epocha {1}, {2}). Uložte model a prozkoumejte ho v Aktivacích a Adversariálních útocích.</translation>
    </message>
    <message>
        <source>Best epoch: {0}</source>
        <translation>Nejlepší epocha: {0}</translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Zastaveno: {0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Pokračovat</translation>
    </message>
    <message>
        <source>Confusion matrix of the test folder&apos;s pictures: rows are the true classes, columns what the model said. Click a cell.</source>
        <translation>Matice záměn obrázků z testovací složky: řádky jsou skutečné třídy, sloupce to, co řekl model. Klikněte na buňku.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Třída</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Preciznost</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Úplnost</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Obrázky</translation>
    </message>
    <message>
        <source>No mistakes on the test folder&apos;s pictures.</source>
        <translation>Na obrázcích z testovací složky žádné chyby.</translation>
    </message>
    <message>
        <source>No mistakes on the validation pictures.</source>
        <translation>Na validačních obrázcích žádné chyby.</translation>
    </message>
    <message>
        <source>The most confident mistakes (first: a {0} taken for a {1}, {2} sure).</source>
        <translation>Nejjistější chyby (první: {0} považováno za {1}, jistota {2}).</translation>
    </message>
    <message numerus="yes">
        <source>%n {0} pictures recognised</source>
        <translation>
            <numerusform>{0}: %n obrázek rozpoznán správně</numerusform>
            <numerusform>{0}: %n obrázky rozpoznány správně</numerusform>
            <numerusform>{0}: %n obrázků rozpoznáno správně</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n {0} pictures taken for {1}</source>
        <translation>
            <numerusform>{0}: %n obrázek považován za {1}</numerusform>
            <numerusform>{0}: %n obrázky považovány za {1}</numerusform>
            <numerusform>{0}: %n obrázků považováno za {1}</numerusform>
        </translation>
    </message>
    <message>
        <source>Train a model first; then drop a picture to see what it says.</source>
        <translation>Nejdřív natrénujte model; pak přetáhněte obrázek a uvidíte, co na něj řekne.</translation>
    </message>
    <message>
        <source>classifying</source>
        <translation>klasifikace</translation>
    </message>
    <message>
        <source>What the model says about {0}:</source>
        <translation>Co model říká o {0}:</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>Uložit model</translation>
    </message>
    <message>
        <source>Keras models (*.keras)</source>
        <translation>Modely Keras (*.keras)</translation>
    </message>
    <message>
        <source>saving the model</source>
        <translation>ukládání modelu</translation>
    </message>
    <message>
        <source>Saved {0} with its class names; it is now open in the window.</source>
        <translation>Uloženo {0} i s názvy tříd; model je teď otevřený v okně.</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>Exportovat metriky</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Soubory CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Uloženo {0}</translation>
    </message>
    <message>
        <source>Cannot create a folder for the model: {0}.</source>
        <translation>Nelze vytvořit složku pro model: {0}.</translation>
    </message>
</context>
</TS>
