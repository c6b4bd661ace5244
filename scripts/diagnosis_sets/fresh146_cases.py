"""One-hundred-and-forty-sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh146/ (8 PyTorch ports, 8 NumPy programs) and 3 correct variants. The theme is grouped,
depthwise-separable and dilated convolutions written by hand, 1-D over short signals and 2-D
over tiny images, each NumPy program with its own hand-written backward and optimizer step and
each port on torch.nn.Conv1d / Conv2d (groups=, dilation=, padding=) or F.conv1d.

The base programs (data from fresh146/make_data.py, fixed seed):

    dsconv_numpy.py:DSConvNet / dsconv_torch.py:DSConvNet, dsconv.npz (X (48, 2, 6, 6), y (48,)
        in {0, 1, 2}): a depthwise 3x3 conv (groups = 2 input channels, channel multiplier 2 ->
        4 maps, padding 1, bias) -> ReLU -> pointwise 1x1 conv 4 -> 4 (the NumPy kernel kept
        (4, 4), torch's (4, 4, 1, 1) read with .reshape(4,4)) -> ReLU -> global average pool ->
        dense 4 -> 3 -> softmax cross-entropy (mean); SGD with momentum 0.9, lr 0.1
        (torch.optim.SGD).
    grouped_numpy.py:GroupedConvNet / grouped_torch.py:GroupedConvNet, grouped.npz (X (48, 4, 12),
        y (48,) in {0, 1, 2}): a grouped Conv1d 4 -> 6, kernel 3, padding 1, 2 groups -> tanh ->
        a grouped Conv1d 6 -> 4, kernel 3, stride 2, padding 1, 2 groups -> ReLU -> flatten
        (channel-major) -> dense 24 -> 3 -> softmax cross-entropy (mean); Adam lr 0.01,
        betas (0.9, 0.999), eps 1e-8, bias-corrected (torch.optim.Adam).
    tcn_numpy.py:TCN / tcn_torch.py:TCN, tcn.npz (X (32, 1, 16) random walks, y (32, 1, 16) a
        causal filter of X): a WaveNet/TCN-style stack of causal convolutions (left padding
        (k - 1) * d): Conv1d 1 -> 4, kernel 2, dilation 1 -> tanh; two residual blocks
        h = h + tanh(Conv1d 4 -> 4, kernel 2, dilation 2, then 4); a 1x1 Conv1d 4 -> 1 head;
        mean squared error; SGD with Nesterov momentum 0.9, lr 0.05
        (torch.optim.SGD(nesterov=True)).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh146_cases

Each case:
    id          short name (prefixed TP)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20 --dtype float32 --device cpu where not given
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings list or its tests; validated by
exit status alone (each bug exits 1 and exits 0 with its `# fix:` line applied; each correct
program exits 0).
"""

F = "scripts/diagnosis_sets/fresh146/"

DSCONV_PARAMS = ["--param", "params['Wd']=dw.weight", "--param", "params['bd']=dw.bias",
                 "--param", "params['Wp']=pw.weight.reshape(4,4)", "--param", "params['bp']=pw.bias",
                 "--param", "params['Wf']=fc.weight", "--param", "params['bf']=fc.bias"]
GROUPED_PARAMS = ["--param", "params['W1']=conv1.weight", "--param", "params['b1']=conv1.bias",
                  "--param", "params['W2']=conv2.weight", "--param", "params['b2']=conv2.bias",
                  "--param", "params['Wf']=fc.weight", "--param", "params['bf']=fc.bias"]
TCN_PARAMS = ["--param", "params['W0']=inp.weight", "--param", "params['b0']=inp.bias",
              "--param", "params['Wa']=block1.weight", "--param", "params['ba']=block1.bias",
              "--param", "params['Wb']=block2.weight", "--param", "params['bb']=block2.bias",
              "--param", "params['Wo']=out.weight", "--param", "params['bo']=out.bias"]


def dsconv(numpy="dsconv_numpy.py", port="dsconv_torch.py", params=DSCONV_PARAMS):
    return [F + numpy + ":DSConvNet", "--torch", F + port + ":DSConvNet", "--as-written",
            "--data", F + "dsconv.npz", *params]


def grouped(numpy="grouped_numpy.py", port="grouped_torch.py", params=GROUPED_PARAMS):
    return [F + numpy + ":GroupedConvNet", "--torch", F + port + ":GroupedConvNet", "--as-written",
            "--data", F + "grouped.npz", *params]


def tcn(numpy="tcn_numpy.py", port="tcn_torch.py", params=TCN_PARAMS):
    return [F + numpy + ":TCN", "--torch", F + port + ":TCN", "--as-written",
            "--data", F + "tcn.npz", *params]


CASES = [
    # ---- PyTorch ports with one planted bug, against the correct NumPy program
    {"id": "TP01_dw_no_padding", "side": "port",
     "args": dsconv(port="01_nopad_port.py"),
     "mechanism": "the depthwise nn.Conv2d leaves out padding=1 (valid 4x4 maps instead of same 6x6; the average pool hides the shape change)",
     "expected": ("padding", "pad", "same", "border")},
    {"id": "TP02_sgd_dampening", "side": "port",
     "args": dsconv(port="02_dampening_port.py"),
     "mechanism": "torch.optim.SGD given dampening=0.9, so the momentum buffer adds (1 - 0.9) g instead of g",
     "expected": ("dampening", "1 - momentum", "scaled by 0.1")},
    {"id": "TP03_flatten_time_major", "side": "port",
     "args": grouped(port="03_flatten_port.py"),
     "mechanism": "the conv features are flattened time-major (transpose(1, 2) before flatten) while the NumPy dense weight reads them channel-major",
     "expected": ("flatten", "transpose", "permute", "channels-last", "channel-major")},
    {"id": "TP04_adamw_default_decay", "side": "port",
     "args": grouped(port="04_adamw_port.py"),
     "mechanism": "torch.optim.AdamW instead of Adam: its default weight_decay=0.01 shrinks every parameter by lr * 0.01 each step",
     "expected": ("weight decay", "weight_decay", "adamw", "decoupled", "decay")},
    {"id": "TP05_pad_on_the_right", "side": "port",
     "args": tcn(port="05_rightpad_port.py"),
     "mechanism": "the causal padding is put on the right (F.pad(h, (0, pad))), so each output sees future samples: not causal",
     "expected": ("causal", "future", "left pad", "right pad", "padding side")},
    {"id": "TP06_residual_dropped", "side": "port",
     "args": tcn(port="06_residual_port.py"),
     "mechanism": "the second residual block drops its skip connection: h = tanh(conv(h)) instead of h + tanh(conv(h))",
     "expected": ("residual", "skip", "shortcut", "identity")},
    {"id": "TP07_wrong_dilation", "side": "port",
     "args": tcn(port="07_dilation_port.py"),
     "mechanism": "the second residual block's Conv1d has dilation=2 instead of 4 (the causal padding follows it, so shapes still agree)",
     "expected": ("dilation", "dilated", "receptive field")},
    {"id": "TP08_nesterov_dropped", "side": "port",
     "args": tcn(port="08_nesterov_port.py"),
     "mechanism": "torch.optim.SGD without nesterov=True: plain heavy-ball momentum p -= lr v instead of p -= lr (g + mu v)",
     "expected": ("nesterov", "look-ahead", "lookahead")},
    # ---- NumPy programs with one planted bug, against the correct port
    {"id": "TP09_tile_not_repeat", "side": "numpy",
     "args": dsconv(numpy="09_tile_numpy.py"),
     "mechanism": "the depthwise channel multiplier expands the input channels with np.tile (0, 1, 0, 1) instead of np.repeat (0, 0, 1, 1), so maps read the wrong group's input channel",
     "expected": ("repeat", "tile", "channel multiplier", "group", "channel order")},
    {"id": "TP10_flipped_kernel", "side": "numpy",
     "args": dsconv(numpy="10_flip_numpy.py"),
     "mechanism": "the depthwise forward flips the kernel (true convolution, W[k-1-a, k-1-c]) while torch and the NumPy backward use cross-correlation",
     "expected": ("flip", "flipped", "cross-correlation", "rotated", "180")},
    {"id": "TP11_pool_grad_not_averaged", "side": "numpy",
     "args": dsconv(numpy="11_poolgrad_numpy.py"),
     "mechanism": "the global-average-pool backward forgets the 1/(H*W) factor: every map position gets the whole pooled gradient",
     "expected": ("average pool", "pooling", "h*w", "spatial", "1/(h*w)")},
    {"id": "TP12_input_grad_stride", "side": "numpy",
     "args": grouped(numpy="12_stride_numpy.py"),
     "mechanism": "the input gradient of the stride-2 grouped conv is scattered to consecutive positions a:a+Lout instead of every second position",
     "expected": ("stride", "strided")},
    {"id": "TP13_adam_no_m_correction", "side": "numpy",
     "args": grouped(numpy="13_biascorr_numpy.py"),
     "mechanism": "Adam's first moment is used without its bias correction (m_hat = m), only the second moment is corrected",
     "expected": ("bias correction", "bias-correction", "beta1", "first moment")},
    {"id": "TP14_padding_crop_offset", "side": "numpy",
     "args": grouped(numpy="14_crop_numpy.py"),
     "mechanism": "the gradient of the padded input is cropped from the start (dXp[:, :, :-2*pad]) instead of dropping pad samples at each end, shifting it by one step",
     "expected": ("crop", "offset", "shift", "padding", "pad")},
    {"id": "TP15_skip_grad_dropped", "side": "numpy",
     "args": tcn(numpy="15_skip_numpy.py"),
     "mechanism": "the backward of the first residual block drops the identity path: dH0 = dH0_conv instead of dH1 + dH0_conv",
     "expected": ("residual", "skip", "shortcut", "identity")},
    {"id": "TP16_backward_ignores_dilation", "side": "numpy",
     "args": tcn(numpy="16_dilation_numpy.py"),
     "mechanism": "the causal conv backward takes tap offsets a instead of a * dilation (weight and input gradients of the dilated blocks read the wrong samples)",
     "expected": ("dilation", "dilated", "tap offset")},
    # ---- correct variants
    {"id": "TP17_dsconv_channels_last_kernel", "side": "correct",
     "args": dsconv(numpy="17_dsconv_alt_numpy.py",
                    params=["--param", "K=dw.weight.permute(2,3,1,0)", "--param", "bK=dw.bias",
                            "--param", "P=pw.weight.reshape(4,4)", "--param", "bP=pw.bias",
                            "--param", "F=fc.weight", "--param", "bF=fc.bias"]),
     "mechanism": "correct: depthwise kernel kept (kh, kw, 1, maps), windows by sliding_window_view, channels expanded by an index array, momentum buffer updated in place",
     "expected": ()},
    {"id": "TP18_grouped_functional_port", "side": "correct",
     "args": grouped(port="18_grouped_alt_port.py",
                     params=["--param", "params['W1']=W1", "--param", "params['b1']=b1",
                             "--param", "params['W2']=W2", "--param", "params['b2']=b2",
                             "--param", "params['Wf']=Wf", "--param", "params['bf']=bf"]),
     "mechanism": "correct: plain nn.Parameter weights with F.conv1d(groups=2), log_softmax + nll_loss, Adam over a list",
     "expected": ()},
    {"id": "TP19_tcn_pad_and_slice_port", "side": "correct",
     "args": tcn(port="19_tcn_alt_port.py",
                 params=["--param", "params['W0']=inp.weight", "--param", "params['b0']=inp.bias",
                         "--param", "params['Wa']=blocks.0.weight", "--param", "params['ba']=blocks.0.bias",
                         "--param", "params['Wb']=blocks.1.weight", "--param", "params['bb']=blocks.1.bias",
                         "--param", "params['Wo']=head.weight", "--param", "params['bo']=head.bias"]),
     "mechanism": "correct: Conv1d(padding=(k-1)*d) with the right end sliced off, blocks in an nn.ModuleList, loss written out",
     "expected": ()},
]
