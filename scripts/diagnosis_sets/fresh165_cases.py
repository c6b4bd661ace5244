"""One hundred and sixty-fifth fresh held-out set for the diagnosis: one planted bug per program in
fresh165/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is a small 2-D
convolutional image classifier written by hand: conv2d via im2col (padding 1, stride 1 or 2),
a residual block with an identity or a 1x1-conv projection shortcut, 2x2 average pooling,
flattening in C-order against the port's layout, a softmax cross-entropy head (mean over the
batch); AdamW with a cosine-annealed learning rate (CosineAnnealingLR in the port), or SGD with
momentum, a linear warm-up and cosine annealing (LinearLR then CosineAnnealingLR, SequentialLR).

The base programs (data from fresh165/make_data.py, fixed seed, nothing random while training):

    res_numpy.py:TinyResNet / res_torch.py:TinyResNet, res.npz X (32, 2, 8, 8), y (32,) in {0..3}
        NCHW maps; conv1 3x3 pad 1 2->4 with bias, ReLU = h; residual block conv2 3x3 pad 1
        4->4, ReLU, conv3 3x3 pad 1 4->4, + h (identity shortcut), ReLU; 2x2 average pool;
        flatten in C-order (c, i, j), which is torch.flatten's order; dense 64->4 (W kept (in, out)).
        NumPy: im2col with columns (c, di, dj), kernels kept (cout, cin, kh, kw), col2im for the
        input gradients. AdamW lr 3e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.05 on every
        parameter (decoupled, p *= 1 - lr wd), CosineAnnealingLR(T_max=30, eta_min=1e-4) stepped
        after each optimizer step.
    down_numpy.py:DownsampleNet / down_torch.py:DownsampleNet, down.npz X (48, 3, 8, 8), y (48,)
        in {0, 1, 2}
        NumPy keeps channels-last (NHWC) maps, kernels (kh, kw, cin, cout), im2col columns
        (di, dj, c); stem conv 3x3 pad 1 3->4 with bias, ReLU = h0; downsampling residual block:
        conv_a 3x3 stride 2 pad 1 4->6, ReLU, conv_b 3x3 pad 1 6->6, + 1x1 stride-2 projection
        shortcut of h0 (no bias), ReLU; 2x2 average pool -> (N, 2, 2, 6); flatten in C-order of
        the NHWC map, i.e. (i, j, c); dense 24->3 (Wd kept (in, out)). The port permutes its NCHW
        features to NHWC before flattening. SGD lr 0.05, momentum 0.9, weight decay 5e-3 coupled
        (g + wd w into the velocity) on kernels and dense weight only (biases in a second param
        group without decay); linear warm-up over 4 steps from 0.1 lr (LinearLR start_factor 0.1)
        then cosine annealing to 0 over 26 steps (CosineAnnealingLR(T_max=26)), via SequentialLR.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh165_cases

Each case:
    id          short name (prefixed UI)
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

F = "scripts/diagnosis_sets/fresh165/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def res(numpy="res_numpy.py", port="res_torch.py"):
    return [F + numpy + ":TinyResNet", "--torch", F + port + ":TinyResNet",
            "--data", F + "res.npz", "--as-written",
            "--param", "params['K1']=conv1.weight",
            "--param", "params['b1']=conv1.bias",
            "--param", "params['K2']=block.conv2.weight",
            "--param", "params['b2']=block.conv2.bias",
            "--param", "params['K3']=block.conv3.weight",
            "--param", "params['b3']=block.conv3.bias",
            "--param", "params['W']=fc.weight.T",
            "--param", "params['b']=fc.bias", *RUN]


def res_layers():
    return [F + "res_einsum_numpy.py:ResNetEinsum", "--torch", F + "res_torch.py:TinyResNet",
            "--data", F + "res.npz", "--as-written",
            "--param", "layers[0]['K']=conv1.weight.permute(2,3,1,0)",
            "--param", "layers[0]['b']=conv1.bias",
            "--param", "layers[1]['K']=block.conv2.weight.permute(2,3,1,0)",
            "--param", "layers[1]['b']=block.conv2.bias",
            "--param", "layers[2]['K']=block.conv3.weight.permute(2,3,1,0)",
            "--param", "layers[2]['b']=block.conv3.bias",
            "--param", "W=fc.weight",
            "--param", "b=fc.bias", *RUN]


def down(numpy="down_numpy.py", port="down_torch.py"):
    return [F + numpy + ":DownsampleNet", "--torch", F + port + ":DownsampleNet",
            "--data", F + "down.npz", "--as-written",
            "--param", "Ws=stem.weight.permute(2,3,1,0)",
            "--param", "bs=stem.bias",
            "--param", "Wa=block.conv_a.weight.permute(2,3,1,0)",
            "--param", "ba=block.conv_a.bias",
            "--param", "Wb=block.conv_b.weight.permute(2,3,1,0)",
            "--param", "bb=block.conv_b.bias",
            "--param", "Wp=block.proj.weight.permute(2,3,1,0)",
            "--param", "Wd=fc.weight.T",
            "--param", "bd=fc.bias", *RUN]


def down_hwio_port():
    return [F + "down_numpy.py:DownsampleNet", "--torch", F + "down_hwio_torch.py:DownsampleNetHWIO",
            "--data", F + "down.npz", "--as-written",
            "--param", "Ws=Ws",
            "--param", "bs=bs",
            "--param", "Wa=Wa",
            "--param", "ba=ba",
            "--param", "Wb=Wb",
            "--param", "bb=bb",
            "--param", "Wp=Wp",
            "--param", "Wd=Wd",
            "--param", "bd=bd", *RUN]


def down_nchw():
    return [F + "down_nchw_numpy.py:DownsampleNetNCHW", "--torch", F + "down_torch.py:DownsampleNet",
            "--data", F + "down.npz", "--as-written",
            "--param", "params['stem_w']=stem.weight",
            "--param", "params['stem_b']=stem.bias",
            "--param", "params['a_w']=block.conv_a.weight",
            "--param", "params['a_b']=block.conv_a.bias",
            "--param", "params['b_w']=block.conv_b.weight",
            "--param", "params['b_b']=block.conv_b.bias",
            "--param", "params['proj_w']=block.proj.weight",
            "--param", "params['fc_w']=fc.weight",
            "--param", "params['fc_b']=fc.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UI01", "side": "port", "args": res(port="01_schedfirst_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step() in train_step: every AdamW "
                  "step uses the next step's cosine learning rate (one step ahead)",
     "expected": ("scheduler", "schedule", "learning rate", "one step", "order")},
    {"id": "UI02", "side": "port", "args": res(port="02_adaml2_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.05) instead of AdamW: the decay is added to the "
                  "gradient (coupled L2, rescaled by Adam) instead of decoupled p *= 1 - lr wd",
     "expected": ("weight decay", "decoupled", "adamw", "l2", "coupled")},
    {"id": "UI03", "side": "port", "args": res(port="03_addafterrelu_port.py"),
     "mechanism": "residual block returns relu(conv3(...)) + x: the identity shortcut added after "
                  "the final ReLU instead of relu(conv3(...) + x)",
     "expected": ("residual", "shortcut", "relu", "skip", "order")},
    {"id": "UI04", "side": "port", "args": res(port="04_maxpool_port.py"),
     "mechanism": "nn.MaxPool2d(2) where the NumPy program averages each 2x2 window "
                  "(nn.AvgPool2d(2))",
     "expected": ("pool", "max", "average", "avg")},
    {"id": "UI05", "side": "port", "args": down(port="05_flattennchw_port.py"),
     "mechanism": "features flattened straight from NCHW (c, i, j order) without the permute to "
                  "NHWC: the dense weight sees the NumPy program's (i, j, c) features shuffled",
     "expected": ("flatten", "permute", "layout", "order", "channels")},
    {"id": "UI06", "side": "port", "args": down(port="06_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: each .grad keeps the sum of all "
                  "gradients so far, fed to SGD momentum from step 2 on",
     "expected": ("zero_grad", "accumulat", "not reset", "sum of", "previous step")},
    {"id": "UI07", "side": "port", "args": down(port="07_decayall_port.py"),
     "mechanism": "SGD(weight_decay=5e-3) on model.parameters(): the biases are decayed too, where "
                  "the NumPy program decays only kernels and the dense weight",
     "expected": ("weight decay", "bias", "decay", "param group")},
    {"id": "UI08", "side": "port", "args": down(port="08_labelsmooth_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) where the NumPy loss is plain "
                  "softmax cross-entropy with one-hot targets",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "cross-entropy", "loss")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UI09", "side": "numpy", "args": res(numpy="09_col2imcrop_numpy.py"),
     "mechanism": "col2im crops the padded input gradient as dxp[:, :, :H, :W] instead of "
                  "[pad:pad+H, pad:pad+W]: the input gradients of conv3 and conv2 shifted by one pixel",
     "expected": ("col2im", "padding", "pad", "offset", "shift", "input gradient")},
    {"id": "UI10", "side": "numpy", "args": res(numpy="10_noskipgrad_numpy.py"),
     "mechanism": "residual backward leaves out the identity-shortcut term: dh is only the gradient "
                  "through conv2, ds is not added, so conv1's gradients miss the skip path",
     "expected": ("residual", "shortcut", "skip", "identity", "missing")},
    {"id": "UI11", "side": "numpy", "args": res(numpy="11_wrongcols_numpy.py"),
     "mechanism": "conv3's kernel gradient built from conv2's im2col patches (cache key cols2 for "
                  "cols3, a copy-paste slip): dK3 = dz3^T cols(h) instead of dz3^T cols(relu(z2))",
     "expected": ("k3", "kernel gradient", "im2col", "patches", "input", "wrong activation")},
    {"id": "UI12", "side": "numpy", "args": res(numpy="12_cosineamp_numpy.py"),
     "mechanism": "cosine schedule written eta_min + lr0 (1 + cos) / 2 (amplitude lr0 instead of "
                  "lr0 - eta_min): every learning rate too large, lr0 + eta_min at step 1",
     "expected": ("eta_min", "cosine", "schedule", "learning rate")},
    {"id": "UI13", "side": "numpy", "args": res(numpy="13_epsinsqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v_hat + eps) instead of sqrt(v_hat) + eps: eps placed "
                  "inside the square root",
     "expected": ("eps", "epsilon", "sqrt", "denominator")},
    {"id": "UI14", "side": "numpy", "args": down(numpy="14_shortcutoffset_numpy.py"),
     "mechanism": "1x1 stride-2 projection shortcut samples h0[:, 1::2, 1::2] (odd pixels) instead "
                  "of h0[:, ::2, ::2], forward and backward alike",
     "expected": ("shortcut", "stride", "projection", "offset", "1x1")},
    {"id": "UI15", "side": "numpy", "args": down(numpy="15_unflattenorder_numpy.py"),
     "mechanism": "backward un-flattens the dense input gradient as (c, i, j) and transposes to "
                  "NHWC, while the forward flattened the NHWC map in (i, j, c) order",
     "expected": ("flatten", "reshape", "transpose", "order", "layout")},
    {"id": "UI16", "side": "numpy", "args": down(numpy="16_relumask_numpy.py"),
     "mechanism": "the ReLU after the residual sum is back-propagated with the mask conv_b > 0 "
                  "instead of (conv_b + shortcut) > 0",
     "expected": ("relu", "mask", "residual", "shortcut", "derivative")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UI17", "side": "correct", "args": res_layers(),
     "mechanism": "correct: NumPy residual net with a list of conv layers, kernels (kh, kw, cin, cout), "
                  "convolution by sliding_window_view + einsum, W kept (out, in), AdamW in place",
     "expected": ()},
    {"id": "UI18", "side": "correct", "args": down_hwio_port(),
     "mechanism": "correct: port keeping its kernels as nn.Parameters in the NumPy (kh, kw, cin, cout) "
                  "layout (F.conv2d on a permuted view), groups split by ndim, log_softmax + nll_loss",
     "expected": ()},
    {"id": "UI19", "side": "correct", "args": down_nchw(),
     "mechanism": "correct: NumPy program on NCHW maps with torch-layout kernels, convolution as a "
                  "loop over kernel offsets, flatten after transpose to (i, j, c), in-place momentum",
     "expected": ()},
]
