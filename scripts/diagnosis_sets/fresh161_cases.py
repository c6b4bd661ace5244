"""One hundred and sixty-first fresh held-out set for the diagnosis: one planted bug per program in
fresh161/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is 1-D convolutional
networks for multichannel time-series classification written by hand: conv1d with stride, zero
padding and dilation (im2col by fancy indexing, or a loop over kernel taps), ReLU and leaky ReLU,
max-pooling with argmax routing in the backward, global average pooling over time, a dense
softmax head with cross-entropy (mean over the batch), SGD with momentum and a step
learning-rate schedule (StepLR / MultiStepLR in the ports).

The base programs (data from fresh161/make_data.py, fixed seed, nothing random while training):

    tcn_numpy.py:TSConvNet / tcn_torch.py:TSConvNet, tcn.npz X (32, 3, 24) channels first,
        y (32,) in {0, 1, 2}
        conv1 3->8, kernel 5, stride 2, padding 2 (12 steps); ReLU; max-pool 2 (6 steps);
        conv2 8->12, kernel 3, padding 2, dilation 2 (6 steps); leaky ReLU 0.1; mean over time;
        dense 12->3. NumPy: im2col by an index array, input gradient scattered with np.add.at,
        kernels kept (cout, cin, k), dense W kept (in, out), params in a dict.
        SGD lr 0.05, momentum 0.9 (v = mu v + g; p -= lr v), lr halved every 5 steps
        (StepLR(step_size=5, gamma=0.5), stepped after optimizer.step()).
    dil_numpy.py:DilatedTSNet / dil_torch.py:DilatedTSNet, dil.npz X (24, 20, 4) stored
        channels-last (N, L, C), y (24,) in {0, 1, 2, 3}
        conv1 4->6, kernel 3, dilation 2, padding 2 (same length); leaky ReLU 0.05; max-pool 2;
        conv2 6->8, kernel 4, stride 2, padding 1 (5 steps); ReLU; mean over time; dense 8->4.
        NumPy: kept channels-last, convolutions as a loop over kernel taps, kernels kept
        (k, cin, cout), dense W kept (out, in), parameters as attributes. Port: permutes the
        batch to (N, C, L). SGD lr 0.1, momentum 0.9, weight decay 1e-2 coupled (g + wd p) on
        the kernels and the dense weight only (biases undecayed: two param groups);
        MultiStepLR(milestones=[8, 14], gamma=0.2).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh161_cases

Each case:
    id          short name (prefixed UE)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh161/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def tcn(numpy="tcn_numpy.py", port="tcn_torch.py"):
    return [F + numpy + ":TSConvNet", "--torch", F + port + ":TSConvNet",
            "--data", F + "tcn.npz", "--as-written",
            "--param", "params['W1']=conv1.weight",
            "--param", "params['b1']=conv1.bias",
            "--param", "params['W2']=conv2.weight",
            "--param", "params['b2']=conv2.bias",
            "--param", "params['W3']=fc.weight.T",
            "--param", "params['b3']=fc.bias", *RUN]


def tcn_loop():
    return [F + "tcn_loop_numpy.py:TSConvLoop", "--torch", F + "tcn_torch.py:TSConvNet",
            "--data", F + "tcn.npz", "--as-written",
            "--param", "k1=conv1.weight.permute(2,1,0)",
            "--param", "bias1=conv1.bias",
            "--param", "k2=conv2.weight.permute(2,1,0)",
            "--param", "bias2=conv2.bias",
            "--param", "fc_w=fc.weight",
            "--param", "fc_b=fc.bias", *RUN]


def tcn_hand_port():
    return [F + "tcn_numpy.py:TSConvNet", "--torch", F + "tcn_alt_torch.py:TSConvHand",
            "--data", F + "tcn.npz", "--as-written",
            "--param", "params['W1']=w1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=w2",
            "--param", "params['b2']=b2",
            "--param", "params['W3']=head.T",
            "--param", "params['b3']=head_bias", *RUN]


def dil(numpy="dil_numpy.py", port="dil_torch.py"):
    return [F + numpy + ":DilatedTSNet", "--torch", F + port + ":DilatedTSNet",
            "--data", F + "dil.npz", "--as-written",
            "--param", "K1=conv1.weight.permute(2,1,0)",
            "--param", "c1=conv1.bias",
            "--param", "K2=conv2.weight.permute(2,1,0)",
            "--param", "c2=conv2.bias",
            "--param", "W=fc.weight",
            "--param", "b=fc.bias", *RUN]


def dil_im2col():
    return [F + "dil_im2col_numpy.py:DilatedIm2col", "--torch", F + "dil_torch.py:DilatedTSNet",
            "--data", F + "dil.npz", "--as-written",
            "--param", "params['conv1_w']=conv1.weight",
            "--param", "params['conv1_b']=conv1.bias",
            "--param", "params['conv2_w']=conv2.weight",
            "--param", "params['conv2_b']=conv2.bias",
            "--param", "params['fc_w']=fc.weight.T",
            "--param", "params['fc_b']=fc.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UE01", "side": "port", "args": tcn(port="01_schedorder_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step() in train_step: the StepLR "
                  "halving lands one step early (steps 5, 10, 15 run at the next, smaller rate)",
     "expected": ("schedule", "scheduler", "learning rate", "early", "order", "off-by-one")},
    {"id": "UE02", "side": "port", "args": tcn(port="02_nodilation_port.py"),
     "mechanism": "second nn.Conv1d built without dilation=2 (padding=2 kept): taps read adjacent "
                  "steps and the map is 8 long instead of 6; the time mean hides the shape",
     "expected": ("dilation", "dilated", "conv2", "receptive")},
    {"id": "UE03", "side": "port", "args": tcn(port="03_leakyslope_port.py"),
     "mechanism": "F.leaky_relu left at its default negative_slope 0.01 where the NumPy "
                  "program uses slope 0.1",
     "expected": ("slope", "leaky", "negative_slope", "0.01")},
    {"id": "UE04", "side": "port", "args": tcn(port="04_labelsmooth_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) copied from a recipe: the port "
                  "trains on smoothed targets, the NumPy program on one-hot targets",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "target", "loss")},
    {"id": "UE05", "side": "port", "args": dil(port="05_biasdecay_port.py"),
     "mechanism": "SGD(model.parameters(), weight_decay=1e-2) without param groups: the biases "
                  "are decayed too, where the NumPy program decays only the kernels and W",
     "expected": ("weight decay", "weight_decay", "bias", "decay", "param group")},
    {"id": "UE06", "side": "port", "args": dil(port="06_viewlayout_port.py"),
     "mechanism": "channels-last batch (N, L, C) turned into (N, C, L) with .view instead of "
                  ".permute(0, 2, 1): the values are scrambled across time and channel",
     "expected": ("view", "permute", "transpose", "layout", "channels", "reshape")},
    {"id": "UE07", "side": "port", "args": dil(port="07_gapsum_port.py"),
     "mechanism": "global average pool written x.sum(dim=-1): the pooled features (and every "
                  "gradient below them) are 5 times (the conv2 length) too large",
     "expected": ("sum", "mean", "average", "pool", "length")},
    {"id": "UE08", "side": "port", "args": dil(port="08_positional_port.py"),
     "mechanism": "nn.Conv1d(4, 6, 3, 2, 2) with positional arguments meant as padding 2, "
                  "dilation 2: torch reads them as stride=2, padding=2 (dilation 1)",
     "expected": ("stride", "dilation", "positional", "conv1", "argument")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UE09", "side": "numpy", "args": tcn(numpy="09_poolspread_numpy.py"),
     "mechanism": "max-pool backward shares each window's gradient evenly between its two steps "
                  "(the average-pool backward) instead of routing it to the argmax",
     "expected": ("argmax", "max-pool", "max pool", "pool", "routing", "average")},
    {"id": "UE10", "side": "numpy", "args": tcn(numpy="10_leakyderiv_numpy.py"),
     "mechanism": "leaky ReLU backward uses the ReLU derivative (z > 0): the negative-side "
                  "slope 0.1 is left out of the gradient, the forward keeps it",
     "expected": ("leaky", "slope", "derivative", "negative", "relu")},
    {"id": "UE11", "side": "numpy", "args": tcn(numpy="11_scatteradd_numpy.py"),
     "mechanism": "conv2 input gradient scattered with dxp[:, :, idx] += dcols: repeated indices "
                  "(overlapping dilated windows) are not accumulated, where np.add.at sums them",
     "expected": ("add.at", "accumulate", "overlap", "scatter", "col2im", "repeated")},
    {"id": "UE12", "side": "numpy", "args": tcn(numpy="12_lrvelocity_numpy.py"),
     "mechanism": "learning rate folded into the momentum buffer (v = mu v + lr g; p -= v): equal "
                  "to torch's SGD until StepLR halves the rate, then the old velocity keeps the old rate",
     "expected": ("velocity", "momentum", "learning rate", "schedule", "lr")},
    {"id": "UE13", "side": "numpy", "args": tcn(numpy="13_poolwindows_numpy.py"),
     "mechanism": "max-pool windows built with reshape(N, C, 2, L // 2): step t is paired with "
                  "t + L/2 instead of its neighbour t + 1 (forward and backward alike)",
     "expected": ("pool", "window", "reshape", "axis", "max")},
    {"id": "UE14", "side": "numpy", "args": dil(numpy="14_kgraddil_numpy.py"),
     "mechanism": "conv1 kernel gradient reads tap j at offset j instead of j * dilation (the "
                  "dilation left out of the weight gradient; forward and input gradient correct)",
     "expected": ("dilation", "kernel", "K1", "offset", "tap")},
    {"id": "UE15", "side": "numpy", "args": dil(numpy="15_decoupled_numpy.py"),
     "mechanism": "weight decay applied decoupled (p -= lr wd p after the momentum step) where "
                  "torch.optim.SGD couples it into the gradient and the velocity",
     "expected": ("weight decay", "decoupled", "coupled", "decay", "velocity")},
    {"id": "UE16", "side": "numpy", "args": dil(numpy="16_gaplen_numpy.py"),
     "mechanism": "global-average-pool backward divided by the pooled length 10 instead of "
                  "conv2's output length 5: every gradient below the pool half as large",
     "expected": ("average", "pool", "length", "mean", "factor")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UE17", "side": "correct", "args": tcn_loop(),
     "mechanism": "correct: convolutions as a loop over kernel taps with np.einsum, kernels kept "
                  "(k, cin, cout), dense W (out, in), mask-based pool backward, in-place momentum, "
                  "a precomputed table of rates",
     "expected": ()},
    {"id": "UE18", "side": "correct", "args": tcn_hand_port(),
     "mechanism": "correct: port with its own nn.Parameters, convolutions by F.pad + unfold + "
                  "einsum, pooling by view + max, MultiStepLR([5, 10, 15], 0.5), log_softmax + nll_loss",
     "expected": ()},
    {"id": "UE19", "side": "correct", "args": dil_im2col(),
     "mechanism": "correct: NumPy net transposed to channels-first, im2col windows with np.einsum "
                  "and np.add.at, kernels in torch's layout, dense W (in, out), decay added to the "
                  "gradients, in-place updates",
     "expected": ()},
]
