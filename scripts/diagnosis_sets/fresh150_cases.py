"""One hundred and fiftieth fresh held-out set for the diagnosis: one planted bug per program in
fresh150/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is normalisation over
convolutional feature maps written by hand in tiny CNNs: BatchNorm2d in training mode with
running statistics used by an evaluation forward, GroupNorm with 2 groups, InstanceNorm (affine),
each followed by ReLU and global average pooling into a linear classifier with softmax
cross-entropy (mean over the batch).

The base programs (data from fresh150/make_data.py, fixed seed, nothing random while training):

    bn_numpy.py:BNConvNet / bn_torch.py:BNConvNet, bn.npz X (32, 2, 6, 6), y (32,) in {0, 1, 2}
        conv 3x3 valid 2->4 channels without bias (NumPy: im2col, K kept (kh, kw, cin, cout));
        BatchNorm2d in training mode (mean and biased variance per channel over N, H, W;
        gamma, beta; running_mean / running_var with momentum 0.1 and the unbiased variance
        M/(M-1), M = N*H*W); ReLU; global average pooling; dense 4->3 (W kept (in, out)).
        SGD lr 0.1 momentum 0.9 (v = mu v + g; p -= lr v). After each step both programs run an
        eval-mode forward (running statistics) on the batch and keep the logits
        (net.eval_logits / model.eval_logits, compared as the output).
    gn_numpy.py:GNConvNet / gn_torch.py:GNConvNet, gn.npz X (32, 1, 6, 6), y (32,)
        conv 3x3 padding 1, 1->4 channels with bias (NumPy: a loop over the 9 kernel offsets,
        torch layouts); GroupNorm(2 groups, 4 channels, eps 1e-5) per sample over each group's
        channels, height and width; ReLU; global average pooling; dense 4->3 (torch layout).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    in_numpy.py:INConvNet / in_torch.py:INConvNet, in.npz X (24, 3, 5, 5) (random contrast and
        offset per image), y (24,)
        conv 3x3 padding 1, 3->6 channels with bias (NumPy: im2col, K kept (cout, cin, kh, kw));
        InstanceNorm2d(6, affine=True) per sample and channel over height and width; ReLU;
        global average pooling; dense 6->3 (W kept (in, out)). SGD lr 0.05, momentum 0.9,
        weight decay 5e-3 coupled as torch.optim.SGD (g + wd p into the velocity).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh150_cases

Each case:
    id          short name (prefixed TT)
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

F = "scripts/diagnosis_sets/fresh150/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def bn(numpy="bn_numpy.py", port="bn_torch.py"):
    return [F + numpy + ":BNConvNet", "--torch", F + port + ":BNConvNet",
            "--data", F + "bn.npz", "--as-written",
            "--param", "params['K']=conv.weight.permute(2,3,1,0)",
            "--param", "params['gamma']=bn.weight",
            "--param", "params['beta']=bn.bias",
            "--param", "params['W']=fc.weight.T",
            "--param", "params['b']=fc.bias",
            "--output", "net.eval_logits", "--torch-output", "model.eval_logits", *RUN]


def gn(numpy="gn_numpy.py", port="gn_torch.py", gamma="gn.weight", beta="gn.bias"):
    return [F + numpy + ":GNConvNet", "--torch", F + port + ":GNConvNet",
            "--data", F + "gn.npz", "--as-written",
            "--param", "params['Wc']=conv.weight",
            "--param", "params['bc']=conv.bias",
            "--param", f"params['gamma']={gamma}",
            "--param", f"params['beta']={beta}",
            "--param", "params['Wf']=fc.weight",
            "--param", "params['bf']=fc.bias", *RUN]


def inorm(numpy="in_numpy.py", port="in_torch.py"):
    return [F + numpy + ":INConvNet", "--torch", F + port + ":INConvNet",
            "--data", F + "in.npz", "--as-written",
            "--param", "params['K']=conv.weight",
            "--param", "params['bK']=conv.bias",
            "--param", "params['gamma']=norm.weight",
            "--param", "params['beta']=norm.bias",
            "--param", "params['W']=fc.weight.T",
            "--param", "params['b']=fc.bias", *RUN]


def inorm_loop():
    return [F + "in_loop_numpy.py:INLoopNet", "--torch", F + "in_torch.py:INConvNet",
            "--data", F + "in.npz", "--as-written",
            "--param", "params['K']=conv.weight.permute(2,3,1,0)",
            "--param", "params['bK']=conv.bias",
            "--param", "params['gamma']=norm.weight",
            "--param", "params['beta']=norm.bias",
            "--param", "params['W']=fc.weight",
            "--param", "params['b']=fc.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "TT01", "side": "port", "args": bn(port="01_bnmomentum_port.py"),
     "mechanism": "nn.BatchNorm2d(momentum=0.9), the Keras convention, where the NumPy running "
                  "statistics keep 0.9 of the old value (torch momentum 0.1): running mean and "
                  "variance, hence the eval-mode logits, differ",
     "expected": ("running", "batchnorm momentum", "batch norm momentum", "momentum=0.9", "keras")},
    {"id": "TT02", "side": "port", "args": bn(port="02_pooldims_port.py"),
     "mechanism": "global average pooling over dims (1, 2) (channels-last habit) instead of the "
                  "spatial dims (2, 3) of an NCHW map; the shapes still fit (4 channels, width 4)",
     "expected": ("dim", "axis", "axes", "channels-last", "pool")},
    {"id": "TT03", "side": "port", "args": bn(port="03_nesterov_port.py"),
     "mechanism": "torch.optim.SGD(..., nesterov=True) where the NumPy program uses plain "
                  "(heavy-ball) momentum",
     "expected": ("nesterov",)},
    {"id": "TT04", "side": "port", "args": gn(port="04_onegroup_port.py"),
     "mechanism": "nn.GroupNorm(1, 4): one group (layer-norm style statistics over all channels) "
                  "instead of 2 groups",
     "expected": ("group", "groups", "num_groups")},
    {"id": "TT05", "side": "port", "args": gn(port="05_adamw_port.py"),
     "mechanism": "torch.optim.AdamW instead of Adam: its default weight_decay=0.01 decays every "
                  "parameter (decoupled), which the NumPy Adam does not",
     "expected": ("weight decay", "weight_decay", "adamw", "decoupled", "decay")},
    {"id": "TT06", "side": "port", "args": gn(port="06_softmaxtwice_port.py"),
     "mechanism": "forward returns F.softmax(logits) and F.cross_entropy applies log-softmax "
                  "again: softmax taken twice",
     "expected": ("softmax", "twice", "double", "probabilities")},
    {"id": "TT07", "side": "port", "args": inorm(port="07_padding_port.py"),
     "mechanism": "nn.Conv2d without padding=1: a valid 3x3 map instead of the same-size 5x5 map; "
                  "global average pooling hides the shape change",
     "expected": ("padding", "pad")},
    {"id": "TT08", "side": "port", "args": inorm(port="08_normeps_port.py"),
     "mechanism": "nn.InstanceNorm2d(eps=1e-3) where the NumPy program adds eps 1e-5 to the "
                  "variance",
     "expected": ("eps", "epsilon")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "TT09", "side": "numpy", "args": bn(numpy="09_biasedrunvar_numpy.py"),
     "mechanism": "running_var updated with the biased batch variance (the M/(M-1) Bessel factor "
                  "left out), so the eval-mode logits differ from BatchNorm2d's",
     "expected": ("unbiased", "bessel", "running_var", "running var", "M - 1")},
    {"id": "TT10", "side": "numpy", "args": bn(numpy="10_dgamma_numpy.py"),
     "mechanism": "batch-norm gamma gradient summed without the normalised input xhat "
                  "(dgamma = sum dzn, the beta gradient)",
     "expected": ("gamma", "xhat", "normalized", "normalised", "scale")},
    {"id": "TT11", "side": "numpy", "args": bn(numpy="11_steporder_numpy.py"),
     "mechanism": "momentum step applied before the velocity is updated (p -= lr v with the "
                  "previous velocity): every update one step late, none at step 1",
     "expected": ("order", "stale", "previous", "late", "before")},
    {"id": "TT12", "side": "numpy", "args": gn(numpy="12_ddofvar_numpy.py"),
     "mechanism": "group-norm statistics use the unbiased variance (ddof=1, divide by M - 1) in "
                  "the normalisation where GroupNorm uses the biased one (divide by M)",
     "expected": ("unbiased", "ddof", "biased", "bessel", "M - 1")},
    {"id": "TT13", "side": "numpy", "args": gn(numpy="13_vhat_numpy.py"),
     "mechanism": "Adam second moment not bias-corrected (v_hat = v, m_hat corrected)",
     "expected": ("bias correction", "bias-correct", "v_hat", "second moment", "exp_avg_sq")},
    {"id": "TT14", "side": "numpy", "args": gn(numpy="14_poolgrad_numpy.py"),
     "mechanism": "global-average-pooling backward without the 1/(H*W) factor: every gradient "
                  "below the pooling (group norm, conv) 36 times too large",
     "expected": ("pool", "H * W", "H*W", "spatial", "36")},
    {"id": "TT15", "side": "numpy", "args": inorm(numpy="15_instaxis_numpy.py"),
     "mechanism": "instance-norm mean taken over axes (0, 2, 3) (the batch too, batch-norm style) "
                  "while the variance and the backward stay per instance",
     "expected": ("axis", "axes", "batch", "instance", "mean")},
    {"id": "TT16", "side": "numpy", "args": inorm(numpy="16_kernelgrad_numpy.py"),
     "mechanism": "conv kernel gradient computed as cols.T @ dz_cols ((C*kh*kw, cout)) and "
                  "reshaped straight to (cout, cin, kh, kw): the transpose left out",
     "expected": ("transpose", "layout", "reshape", "kernel")},
    # ---------------------------------------------------------------- correct variants
    {"id": "TT17", "side": "correct", "args": bn(numpy="bn_alt_numpy.py"),
     "mechanism": "correct: batch-norm backward written through dvar and dmean, momentum update "
                  "in place (v *= mu; v += g)",
     "expected": ()},
    {"id": "TT18", "side": "correct",
     "args": gn(port="gn_alt_torch.py", gamma="gn_weight", beta="gn_bias"),
     "mechanism": "correct: port with a hand-written group norm (view, mean, var(unbiased=False)) "
                  "and its own affine nn.Parameters, pooling by flatten + mean",
     "expected": ()},
    {"id": "TT19", "side": "correct", "args": inorm_loop(),
     "mechanism": "correct: NumPy instance-norm net with the convolution as a loop over kernel "
                  "offsets, K kept (kh, kw, cin, cout), W kept (out, in), one-hot softmax gradient",
     "expected": ()},
]
