"""One hundred and fifty-fourth fresh held-out set for the diagnosis: one planted bug per program
in fresh154/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is tabular deep learning
written by hand: categorical columns through embedding tables (one per column, looked up and
concatenated) alongside standardised numeric columns, wide-and-deep and deep-and-cross models
(DCN vector cross layers x0 * (x . w) + b + x, and DCN-V2 matrix cross layers
x0 * (x W + c) + x), binary cross-entropy with logits and a positive-class weight, Adagrad,
Adam or AdamW.

The base programs (data from fresh154/make_data.py, fixed seed, nothing random while training;
every X keeps the categorical codes, stored as floats, in its leading columns):

    wd_numpy.py:WideDeep / wd_torch.py:WideDeep, wd.npz X (40, 5), y (40,) in {0, 1}
        2 categorical columns (5 and 4 levels) and 3 raw numeric columns, standardised inside
        the forward pass with the batch mean and population standard deviation (ddof 0).
        Wide: a width-1 embedding table per categorical column plus a linear term on the
        numeric columns and a bias. Deep: a width-3 embedding table per column, concatenated
        with the numeric columns (9), dense 9->8 (W kept (in, out)), ReLU, dense 8->1.
        Logit = wide + deep. BCE with logits, pos_weight 2, mean over rows. Adagrad lr 0.05,
        accumulator started at 0.1 (torch initial_accumulator_value=0.1), eps 1e-10;
        the accumulators (net.G) are compared with torch's state 'sum'. Params in a dict.
    dcn_numpy.py:DCN / dcn_torch.py:DCN, dcn.npz X (40, 5), y (40,)
        3 categorical columns (6, 3, 4 levels), width-2 embedding tables, and 2 standardised
        numeric columns -> x0 (8). Two DCN cross layers x_{l+1} = x0 * (x_l . w_l) + b_l + x_l
        (w_l, b_l vectors (8,)); a deep branch relu(x0 Wd + bd), 8->4; head on [x_2, h] (12->1).
        BCE with logits, pos_weight 3, mean. Adam lr 0.02, betas (0.9, 0.999), eps 1e-8.
        Params are attributes (lists E, cw, cb); Adam state in lists; no gradients recorded.
    dcn2_numpy.py:DCNv2 / dcn2_torch.py:DCNv2, dcn2.npz X (36, 4), y (36,)
        2 categorical columns (4, 5 levels), width-3 tables, 2 standardised numeric columns ->
        x0 (8). Two DCN-V2 cross layers x_{l+1} = x0 * (x_l W_l + c_l) + x_l (W kept (in, out)
        in NumPy, nn.Linear in the port); head 8->1. BCE with logits, pos_weight 1.5, SUMMED
        over rows; gradients clipped to a global L2 norm of 1.0 (clip_grad_norm_); AdamW lr
        0.01, weight decay 0.05 (decoupled, on every parameter).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh154_cases

Each case:
    id          short name (prefixed TX)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one or two lines
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh154/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def wd(numpy="wd_numpy.py", port="wd_torch.py", cls="WideDeep"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":WideDeep",
            "--data", F + "wd.npz", "--as-written",
            "--param", "params['Ew0']=wide.0.weight",
            "--param", "params['Ew1']=wide.1.weight",
            "--param", "params['wn']=wide_num.weight.reshape(3)",
            "--param", "params['bw']=wide_num.bias",
            "--param", "params['E0']=embs.0.weight",
            "--param", "params['E1']=embs.1.weight",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            *(["--state", "sum=net.G"] if cls == "WideDeep" else []), *RUN]


def dcn(numpy="dcn_numpy.py", port="dcn_torch.py"):
    return [F + numpy + ":DCN", "--torch", F + port + ":DCN",
            "--data", F + "dcn.npz", "--as-written",
            "--param", "E[0]=embs.0.weight",
            "--param", "E[1]=embs.1.weight",
            "--param", "E[2]=embs.2.weight",
            "--param", "cw[0]=cross_w.0",
            "--param", "cw[1]=cross_w.1",
            "--param", "cb[0]=cross_b.0",
            "--param", "cb[1]=cross_b.1",
            "--param", "Wd=deep.weight.T",
            "--param", "bd=deep.bias",
            "--param", "wo=head.weight.reshape(12)",
            "--param", "bo=head.bias", *RUN]


def dcn_alt():
    return [F + "dcn_numpy.py:DCN", "--torch", F + "dcn_alt_torch.py:DCNAlt",
            "--data", F + "dcn.npz", "--as-written",
            "--param", "E[0]=embs.0.weight",
            "--param", "E[1]=embs.1.weight",
            "--param", "E[2]=embs.2.weight",
            "--param", "cw[0]=cross.0.weight.reshape(8)",
            "--param", "cw[1]=cross.1.weight.reshape(8)",
            "--param", "cb[0]=cross_bias.0",
            "--param", "cb[1]=cross_bias.1",
            "--param", "Wd=deep.weight.T",
            "--param", "bd=deep.bias",
            "--param", "wo=head.weight.reshape(12)",
            "--param", "bo=head.bias", *RUN]


def dcn2(numpy="dcn2_numpy.py", port="dcn2_torch.py"):
    return [F + numpy + ":DCNv2", "--torch", F + port + ":DCNv2",
            "--data", F + "dcn2.npz", "--as-written",
            "--param", "params['emb0']=emb.0.weight",
            "--param", "params['emb1']=emb.1.weight",
            "--param", "params['W0']=cross.0.weight.T",
            "--param", "params['c0']=cross.0.bias",
            "--param", "params['W1']=cross.1.weight.T",
            "--param", "params['c1']=cross.1.bias",
            "--param", "params['v']=head.weight.T",
            "--param", "params['a']=head.bias", *RUN]


def dcn2_alt():
    return [F + "dcn2_alt_numpy.py:DCNv2T", "--torch", F + "dcn2_torch.py:DCNv2",
            "--data", F + "dcn2.npz", "--as-written",
            "--param", "emb_a=emb.0.weight",
            "--param", "emb_b=emb.1.weight",
            "--param", "Wa=cross.0.weight",
            "--param", "ca=cross.0.bias",
            "--param", "Wb=cross.1.weight",
            "--param", "cb=cross.1.bias",
            "--param", "head_w=head.weight",
            "--param", "head_b=head.bias",
            "--state", "exp_avg=net.exp_avg",
            "--state", "exp_avg_sq=net.exp_avg_sq", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TX01", "side": "port", "args": wd(port="01_stdunbiased_port.py"),
     "mechanism": "numeric columns standardised with torch's default unbiased std (divide by "
                  "N - 1) where the NumPy program uses np.std (population, ddof 0)",
     "expected": ("unbiased", "std", "standard deviation", "ddof", "bessel", "standardis")},
    {"id": "TX02", "side": "port", "args": wd(port="02_posweightasweight_port.py"),
     "mechanism": "nn.BCEWithLogitsLoss(weight=2.0) instead of pos_weight=2.0: every row, "
                  "positive or negative, counts twice instead of only the positives",
     "expected": ("pos_weight", "positive", "class weight", "weight=", "positive-class")},
    {"id": "TX03", "side": "port", "args": wd(port="03_adagradinit_port.py"),
     "mechanism": "torch.optim.Adagrad left at its default initial_accumulator_value=0 where the "
                  "NumPy Adagrad starts its squared-gradient sum at 0.1 (the Keras default)",
     "expected": ("initial_accumulator", "accumulator", "adagrad", "sum", "0.1")},
    {"id": "TX04", "side": "port", "args": dcn(port="04_biasinside_port.py"),
     "mechanism": "cross layer written x0 * (x . w + b) + x (bias inside the product with x0, "
                  "DCN-V2 style) instead of x0 * (x . w) + b + x",
     "expected": ("cross", "bias", "x0", "inside", "product")},
    {"id": "TX05", "side": "port", "args": dcn(port="05_crossxl_port.py"),
     "mechanism": "cross layer multiplies by the current x_l instead of the input x0 "
                  "(x * (x . w) + b + x); the same at the first layer, wrong from the second",
     "expected": ("cross", "x0", "x_l", "second layer", "input")},
    {"id": "TX06", "side": "port", "args": dcn(port="06_paddingidx_port.py"),
     "mechanism": "nn.Embedding(..., padding_idx=0) on every categorical table: level 0 is a real "
                  "category but its embedding row gets no gradient and never moves",
     "expected": ("padding_idx", "padding", "row 0", "embedding", "level 0")},
    {"id": "TX07", "side": "port", "args": dcn2(port="07_adamcoupled_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.05) instead of AdamW: the decay enters the "
                  "gradient as L2 (coupled, rescaled by Adam) instead of decoupled p *= 1 - lr wd",
     "expected": ("adamw", "decoupled", "coupled", "weight decay", "l2")},
    {"id": "TX08", "side": "port", "args": dcn2(port="08_clipperparam_port.py"),
     "mechanism": "clip_grad_norm_ called on each parameter separately (each tensor clipped to "
                  "norm 1) instead of once on the global norm of all gradients",
     "expected": ("clip", "global", "norm", "per-parameter", "per parameter", "max_norm")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TX09", "side": "numpy", "args": wd(numpy="09_embscatter_numpy.py"),
     "mechanism": "deep embedding gradients scattered with fancy-index += (g[codes] += d) instead "
                  "of np.add.at: rows sharing a category level are not summed, only one kept",
     "expected": ("add.at", "repeated", "duplicate", "scatter", "accumulat", "embedding")},
    {"id": "TX10", "side": "numpy", "args": wd(numpy="10_posweightgrad_numpy.py"),
     "mechanism": "logit gradient written (sigmoid(z) - y) / N, ignoring pos_weight 2 that the "
                  "loss applies to positives (the positives' gradient half what it should be)",
     "expected": ("pos_weight", "positive", "sigmoid", "class weight", "positive-class")},
    {"id": "TX11", "side": "numpy", "args": wd(numpy="11_adagradorder_numpy.py"),
     "mechanism": "Adagrad step divides by the accumulator before adding this step's squared "
                  "gradient (update first, then G += g^2): a stale denominator",
     "expected": ("adagrad", "accumulator", "order", "stale", "before", "sum")},
    {"id": "TX12", "side": "numpy", "args": dcn(numpy="12_crossx0grad_numpy.py"),
     "mechanism": "cross-layer backward forgets that x0 enters every cross layer: the term "
                  "dx_{l+1} * (x_l . w_l) into dx0 is left out, so the embedding gradients are wrong",
     "expected": ("x0", "cross", "embedding", "missing", "term")},
    {"id": "TX13", "side": "numpy", "args": dcn(numpy="13_crosswswap_numpy.py"),
     "mechanism": "cross weight gradient with x0 and x_l swapped (ds from dx * x_l, dw = x0.T ds "
                  "instead of ds from dx * x0, dw = x_l.T ds): right at layer 1, wrong at layer 2",
     "expected": ("cross", "x0", "x_l", "swap", "cw")},
    {"id": "TX14", "side": "numpy", "args": dcn(numpy="14_posweightneg_numpy.py"),
     "mechanism": "pos_weight 3 applied to the negative class (y = 0 term) instead of the "
                  "positives, in both the loss and its gradient",
     "expected": ("pos_weight", "negative", "positive", "class weight", "y = 0")},
    {"id": "TX15", "side": "numpy", "args": dcn2(numpy="15_crossWnoT_numpy.py"),
     "mechanism": "DCN-V2 cross-layer backward propagates du @ W instead of du @ W.T to x_l "
                  "(square 8x8 weight, so the shapes still fit)",
     "expected": ("transpose", "W.T", "cross", "square", "backward")},
    {"id": "TX16", "side": "numpy", "args": dcn2(numpy="16_decaynolr_numpy.py"),
     "mechanism": "AdamW decoupled decay written p *= 1 - wd, without the learning rate "
                  "(decay 0.05 per step instead of lr * wd = 5e-4)",
     "expected": ("weight decay", "decoupled", "learning rate", "lr", "adamw")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TX17", "side": "correct", "args": wd(numpy="wd_alt_numpy.py", cls="WideDeepOneHot"),
     "mechanism": "correct: wide-and-deep with one-hot matrices for lookups and table gradients, "
                  "hand-written mean/std, pos-weighted BCE gradient s (1 + (pw-1) y) - pw y",
     "expected": ()},
    {"id": "TX18", "side": "correct", "args": dcn_alt(),
     "mechanism": "correct: DCN port with cross weights as nn.Linear(8, 1, bias=False) plus "
                  "separate bias parameters, and a hand-written softplus pos-weighted BCE",
     "expected": ()},
    {"id": "TX19", "side": "correct", "args": dcn2_alt(),
     "mechanism": "correct: DCN-V2 in NumPy with torch layouts (W (out, in), x @ W.T), clipping "
                  "over one flat gradient vector, AdamW with torch's folded bias corrections",
     "expected": ()},
]
