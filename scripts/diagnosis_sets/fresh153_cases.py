"""One hundred and fifty-third fresh held-out set for the diagnosis: one planted bug per program
in fresh153/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is small residual
convolutional networks written by hand: 3x3 convolutions with stride 2 and padding 1, a 1x1
projection shortcut where the shape changes, batch normalisation or none, ReLU, global average
pooling, SGD with Nesterov momentum or AdamW, a warmup-then-cosine learning-rate schedule and
weight decay not applied to biases (nor to batch-norm parameters).

The base programs (data from fresh153/make_data.py, fixed seed, nothing random while training):

    resbn_numpy.py:ResBNNet / resbn_torch.py:ResBNNet, resbn.npz X (16, 2, 8, 8), y (16,) in {0, 1, 2}
        stem conv 3x3 s1 p1 2->4 (no bias) -> BN -> ReLU; block conv 3x3 s2 p1 4->8 -> BN -> ReLU
        -> conv 3x3 s1 p1 8->8 -> BN, shortcut conv 1x1 s2 4->8 -> BN, add -> ReLU; global
        average pooling; dense 8->3; softmax cross-entropy (mean). NumPy: im2col / col2im,
        kernels kept (kh, kw, cin, cout), dense W kept (in, out), params in a dict.
        BatchNorm2d in training mode (batch statistics, biased variance, eps 1e-5).
        SGD lr 0.1, Nesterov momentum 0.9 as torch.optim.SGD(nesterov=True), weight decay 1e-2
        coupled into the gradient of conv kernels and the dense weight only (two param groups);
        LambdaLR linear warmup over 5 steps then cosine to 0 at step 20.
    resplain_numpy.py:ResNetPlain / resplain_torch.py:ResNetPlain, resplain.npz X (12, 1, 8, 8),
        y (12,) in {0, 1, 2}
        stem conv 3x3 s1 p1 1->4 (bias) -> ReLU; block conv 3x3 s2 p1 4->6 -> ReLU -> conv 3x3
        s1 p1 6->6, shortcut conv 1x1 s2 4->6 (bias), add -> ReLU; AdaptiveAvgPool2d(1); dense
        6->3; nn.CrossEntropyLoss (mean). NumPy: convolution as a sum over kernel offsets of
        strided slices (einsum), torch layouts. AdamW lr 0.01, betas (0.9, 0.999), eps 1e-8,
        decoupled weight decay 0.1 on weights only; warmup 4 steps then cosine to 0.1 x base.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh153_cases

Each case:
    id          short name (prefixed TW)
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

F = "scripts/diagnosis_sets/fresh153/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def resbn(numpy="resbn_numpy.py", port="resbn_torch.py", cls="ResBNNet", kernel=".permute(2,3,1,0)",
          dense="fc.weight.T"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":ResBNNet",
            "--data", F + "resbn.npz", "--as-written",
            "--param", f"params['stem_k']=stem.weight{kernel}",
            "--param", "params['stem_g']=bn0.weight",
            "--param", "params['stem_b']=bn0.bias",
            "--param", f"params['c1_k']=conv1.weight{kernel}",
            "--param", "params['c1_g']=bn1.weight",
            "--param", "params['c1_b']=bn1.bias",
            "--param", f"params['c2_k']=conv2.weight{kernel}",
            "--param", "params['c2_g']=bn2.weight",
            "--param", "params['c2_b']=bn2.bias",
            "--param", f"params['sc_k']=shortcut.weight{kernel}",
            "--param", "params['sc_g']=bns.weight",
            "--param", "params['sc_b']=bns.bias",
            "--param", f"params['fc_W']={dense}",
            "--param", "params['fc_b']=fc.bias", *RUN]


def resplain(numpy="resplain_numpy.py", port="resplain_torch.py"):
    return [F + numpy + ":ResNetPlain", "--torch", F + port + ":ResNetPlain",
            "--data", F + "resplain.npz", "--as-written",
            "--param", "params['Ws']=stem.weight",
            "--param", "params['bs']=stem.bias",
            "--param", "params['W1']=conv1.weight",
            "--param", "params['b1']=conv1.bias",
            "--param", "params['W2']=conv2.weight",
            "--param", "params['b2']=conv2.bias",
            "--param", "params['Wp']=proj.weight",
            "--param", "params['bp']=proj.bias",
            "--param", "params['Wf']=fc.weight",
            "--param", "params['bf']=fc.bias", *RUN]


def resplain_functional_port():
    return [F + "resplain_numpy.py:ResNetPlain", "--torch", F + "resplain_alt_torch.py:ResNetPlainF",
            "--data", F + "resplain.npz", "--as-written",
            "--param", "params['Ws']=w_stem",
            "--param", "params['bs']=b_stem",
            "--param", "params['W1']=w_down",
            "--param", "params['b1']=b_down",
            "--param", "params['W2']=w_mid",
            "--param", "params['b2']=b_mid",
            "--param", "params['Wp']=w_proj",
            "--param", "params['bp']=b_proj",
            "--param", "params['Wf']=w_out",
            "--param", "params['bf']=b_out", *RUN]


def resplain_nhwc_numpy():
    return [F + "resplain_alt_numpy.py:ResNetNHWC", "--torch", F + "resplain_torch.py:ResNetPlain",
            "--data", F + "resplain.npz", "--as-written",
            "--param", "params['Ks']=stem.weight.permute(2,3,1,0)",
            "--param", "params['bs']=stem.bias",
            "--param", "params['K1']=conv1.weight.permute(2,3,1,0)",
            "--param", "params['b1']=conv1.bias",
            "--param", "params['K2']=conv2.weight.permute(2,3,1,0)",
            "--param", "params['b2']=conv2.bias",
            "--param", "params['Kp']=proj.weight.permute(2,3,1,0)",
            "--param", "params['bp']=proj.bias",
            "--param", "params['Wf']=fc.weight.T",
            "--param", "params['bf']=fc.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TW01", "side": "port", "args": resbn(port="01_nonesterov_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9) without nesterov=True: plain heavy-ball momentum "
                  "(p -= lr v) where the NumPy program takes the Nesterov step p -= lr (g + mu v)",
     "expected": ("nesterov", "heavy-ball", "heavy ball", "look-ahead", "lookahead")},
    {"id": "TW02", "side": "port", "args": resbn(port="02_decayall_port.py"),
     "mechanism": "weight_decay=1e-2 given to SGD for model.parameters() (no parameter groups): "
                  "BN gamma/beta and the linear bias are decayed too, which the NumPy program "
                  "exempts",
     "expected": ("weight decay", "weight_decay", "no_decay", "param group", "parameter group",
                  "exempt")},
    {"id": "TW03", "side": "port", "args": resbn(port="03_sumloss_port.py"),
     "mechanism": "F.cross_entropy(reduction='sum') where the NumPy loss is the mean over the "
                  "batch: loss and every gradient 16 times larger",
     "expected": ("reduction", "batch size", "summed", "sum of", "mean over the batch")},
    {"id": "TW04", "side": "port", "args": resbn(port="04_schedorder_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step(): every update uses the next "
                  "step's warmup/cosine learning rate (0.04 instead of 0.02 at step 1)",
     "expected": ("scheduler", "warmup", "schedule", "learning rate", "one step ahead")},
    {"id": "TW05", "side": "port", "args": resplain(port="05_stridesecond_port.py"),
     "mechanism": "stride 2 placed on the block's second 3x3 conv instead of the first (conv1 "
                  "stride 1, conv2 stride 2); the output shape still matches the 1x1 shortcut",
     "expected": ("stride", "downsampl", "conv1", "conv2", "first conv")},
    {"id": "TW06", "side": "port", "args": resplain(port="06_adaml2_port.py"),
     "mechanism": "torch.optim.Adam with weight_decay=0.1 instead of AdamW: the decay is an L2 "
                  "term added to the gradient (coupled, rescaled by Adam) instead of decoupled",
     "expected": ("adamw", "decoupled", "coupled", "l2", "weight decay")},
    {"id": "TW07", "side": "port", "args": resplain(port="07_noaddrelu_port.py"),
     "mechanism": "the ReLU after the residual addition left out: the block returns "
                  "conv2(...) + proj(h0) unrectified",
     "expected": ("relu", "residual", "addition", "activation", "after the add")},
    {"id": "TW08", "side": "port", "args": resplain(port="08_maxpool_port.py"),
     "mechanism": "nn.AdaptiveMaxPool2d(1) instead of nn.AdaptiveAvgPool2d(1): global max "
                  "pooling where the NumPy program averages over H, W",
     "expected": ("max pool", "maxpool", "max-pool", "average pool", "avgpool", "adaptive")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TW09", "side": "numpy", "args": resbn(numpy="09_col2imassign_numpy.py"),
     "mechanism": "col2im writes each kernel offset's patch gradient with = instead of +=: "
                  "overlapping 3x3 windows overwrite instead of accumulate in the conv input "
                  "gradient",
     "expected": ("col2im", "accumulat", "overlap", "overwrit", "+=")},
    {"id": "TW10", "side": "numpy", "args": resbn(numpy="10_cropcorner_numpy.py"),
     "mechanism": "conv input gradient cropped from the padded gradient at the corner "
                  "(dxp[:, :, :H, :W]) instead of removing the padding (pad:pad+H): shifted by "
                  "one pixel",
     "expected": ("padding", "crop", "shift", "offset", "pad")},
    {"id": "TW11", "side": "numpy", "args": resbn(numpy="11_bnnostats_numpy.py"),
     "mechanism": "batch-norm backward dx = dxhat * inv_std: the gradient paths through the "
                  "batch mean and variance left out (statistics treated as constants)",
     "expected": ("batch statistics", "batch mean", "variance", "batch norm", "batchnorm",
                  "constant")},
    {"id": "TW12", "side": "numpy", "args": resbn(numpy="12_decayaftermom_numpy.py"),
     "mechanism": "weight decay applied as a separate shrink p -= lr wd p after the Nesterov step "
                  "instead of adding wd p to the gradient before the momentum buffer, as "
                  "torch.optim.SGD does",
     "expected": ("weight decay", "momentum buffer", "decoupled", "coupled", "before the momentum")},
    {"id": "TW13", "side": "numpy", "args": resplain(numpy="13_noshortcutgrad_numpy.py"),
     "mechanism": "the gradient through the 1x1 projection shortcut is not added into the block "
                  "input's gradient (dh0 = main path only); Wp, bp still get theirs",
     "expected": ("shortcut", "projection", "skip", "residual", "branch")},
    {"id": "TW14", "side": "numpy", "args": resplain(numpy="14_epsinsqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v_hat + eps) instead of sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "inside", "denominator")},
    {"id": "TW15", "side": "numpy", "args": resplain(numpy="15_decaybaselr_numpy.py"),
     "mechanism": "decoupled weight decay scaled by the base learning rate (p *= 1 - base_lr wd) "
                  "instead of the scheduled rate of the step",
     "expected": ("weight decay", "scheduled", "base lr", "base learning rate", "schedule")},
    {"id": "TW16", "side": "numpy", "args": resplain(numpy="16_cosinephase_numpy.py"),
     "mechanism": "cosine phase measured from step 0 over all steps (t / total) instead of from "
                  "the end of the warmup ((t - warmup) / (total - warmup)): the rate drops "
                  "early after the warmup",
     "expected": ("cosine", "warmup", "phase", "schedule", "progress")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TW17", "side": "correct",
     "args": resbn(numpy="resbn_alt_numpy.py", cls="ResBNAlt", kernel="", dense="fc.weight"),
     "mechanism": "correct: kernels kept (cout, cin, kh, kw), convolution by sliding_window_view "
                  "+ einsum, batch-norm backward via dvar/dmean, Nesterov step in the expanded "
                  "form (1 + mu) g + mu^2 v_old",
     "expected": ()},
    {"id": "TW18", "side": "correct", "args": resplain_functional_port(),
     "mechanism": "correct: port with its own nn.Parameters and F.conv2d/F.linear, the warmup-"
                  "cosine rate written into the param groups by hand each step (no LambdaLR)",
     "expected": ()},
    {"id": "TW19", "side": "correct", "args": resplain_nhwc_numpy(),
     "mechanism": "correct: NumPy program with channels-last maps, im2col kernels (kh, kw, cin, "
                  "cout), dense W (in, out), tabulated learning rates, torch-style Adam step",
     "expected": ()},
]
