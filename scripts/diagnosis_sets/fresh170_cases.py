"""One hundred and seventieth fresh held-out set for the diagnosis: one planted bug per program in
fresh170/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is small encoder-decoder
segmentation networks written by hand: a strided convolution down, nearest-neighbour upsampling or
a 2x2 stride-2 transposed convolution up, a skip connection concatenated along channels, a
per-pixel sigmoid binary cross-entropy or a soft Dice loss, trained with Adam.

The base programs (data from fresh170/make_data.py, fixed seed, nothing random while training):

    seg1d_numpy.py:SegNet1D / seg1d_torch.py:SegNet1D, seg1d.npz X (32, 1, 16) noisy signals with
        raised pulses, y (32, 1, 16) the pulse mask
        conv1d 1->4 (k3, pad 1) ReLU -> conv1d 4->8 (k3, stride 2, pad 1) ReLU -> nearest
        upsampling x2 -> concat [up, encoder map] (12 channels) -> conv1d 12->1 (k3, pad 1)
        logits; sigmoid BCE mean over every pixel (BCEWithLogits). NumPy: a loop over kernel
        taps with einsum, weights in torch layout (cout, cin, k). Adam lr 0.01, betas
        (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    seg2d_numpy.py:DiceUNet / seg2d_torch.py:DiceUNet, seg2d.npz X (16, 1, 8, 8) noisy images
        with one bright rectangle, y (16, 1, 8, 8) its mask
        conv 1->4 (3x3, pad 1) ReLU -> conv 4->8 (3x3, stride 2, pad 1) ReLU -> ConvTranspose2d
        8->4 (2x2, stride 2) ReLU -> concat [up, encoder map] -> conv 8->1 (1x1) logits;
        soft Dice loss per image, dice = (2 sum(p y) + 1) / (sum p + sum y + 1), p = sigmoid,
        loss = 1 - mean over the batch. Torch layouts (the transposed conv (cin, cout, kh, kw)).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-3 coupled (L2 added to the
        gradient), as torch.optim.Adam(weight_decay=1e-3).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh170_cases

Each case:
    id          short name (prefixed UN)
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

F = "scripts/diagnosis_sets/fresh170/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def seg1d(numpy="seg1d_numpy.py", port="seg1d_torch.py"):
    return [F + numpy + ":SegNet1D", "--torch", F + port + ":SegNet1D",
            "--data", F + "seg1d.npz", "--as-written",
            "--param", "params['W_enc']=enc.weight",
            "--param", "params['b_enc']=enc.bias",
            "--param", "params['W_down']=down.weight",
            "--param", "params['b_down']=down.bias",
            "--param", "params['W_head']=head.weight",
            "--param", "params['b_head']=head.bias", *RUN]


def seg1d_nlc():
    return [F + "seg1d_nlc_numpy.py:SegNet1DNLC", "--torch", F + "seg1d_torch.py:SegNet1D",
            "--data", F + "seg1d.npz", "--as-written",
            "--param", "params['K_enc']=enc.weight.permute(2,1,0)",
            "--param", "params['c_enc']=enc.bias",
            "--param", "params['K_down']=down.weight.permute(2,1,0)",
            "--param", "params['c_down']=down.bias",
            "--param", "params['K_head']=head.weight.permute(2,1,0)",
            "--param", "params['c_head']=head.bias", *RUN]


def seg2d(numpy="seg2d_numpy.py", port="seg2d_torch.py"):
    return [F + numpy + ":DiceUNet", "--torch", F + port + ":DiceUNet",
            "--data", F + "seg2d.npz", "--as-written",
            "--param", "params['W1']=enc.weight",
            "--param", "params['b1']=enc.bias",
            "--param", "params['W2']=down.weight",
            "--param", "params['b2']=down.bias",
            "--param", "params['Wt']=up.weight",
            "--param", "params['bt']=up.bias",
            "--param", "params['Wh']=head.weight",
            "--param", "params['bh']=head.bias", *RUN]


def seg2d_functional():
    return [F + "seg2d_numpy.py:DiceUNet", "--torch", F + "seg2d_func_torch.py:FunctionalUNet",
            "--data", F + "seg2d.npz", "--as-written",
            "--param", "params['W1']=w_enc",
            "--param", "params['b1']=b_enc",
            "--param", "params['W2']=w_down",
            "--param", "params['b2']=b_down",
            "--param", "params['Wt']=w_up",
            "--param", "params['bt']=b_up",
            "--param", "params['Wh']=w_out",
            "--param", "params['bh']=b_out", *RUN]


def seg2d_kingma():
    return [F + "seg2d_kingma_numpy.py:KingmaUNet", "--torch", F + "seg2d_torch.py:DiceUNet",
            "--data", F + "seg2d.npz", "--as-written",
            "--param", "W1=enc.weight",
            "--param", "b1=enc.bias",
            "--param", "W2=down.weight",
            "--param", "b2=down.bias",
            "--param", "Wt=up.weight",
            "--param", "bt=up.bias",
            "--param", "Wh=head.weight.reshape(8,1)",
            "--param", "bh=head.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UN01", "side": "port", "args": seg1d(port="01_bcesum_port.py"),
     "mechanism": "BCEWithLogits with reduction='sum' divided by the batch size (a per-sample sum "
                  "over the 16 positions) where the NumPy loss is the mean over every pixel",
     "expected": ("reduction", "sum", "mean", "16", "scale")},
    {"id": "UN02", "side": "port", "args": seg1d(port="02_linearup_port.py"),
     "mechanism": "nn.Upsample(mode='linear', align_corners=False) where the NumPy decoder repeats "
                  "each position (nearest-neighbour upsampling)",
     "expected": ("upsample", "nearest", "linear", "interpolation", "mode")},
    {"id": "UN03", "side": "port", "args": seg1d(port="03_catorder_port.py"),
     "mechanism": "skip connection concatenated as [encoder map, upsampled] instead of [upsampled, "
                  "encoder map]: the head's input channels are in the other order",
     "expected": ("concat", "order", "channel", "skip", "cat")},
    {"id": "UN04", "side": "port", "args": seg1d(port="04_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps "
                  "(from step 2)",
     "expected": ("zero_grad", "accumulat", "accumulate", "stale gradient")},
    {"id": "UN05", "side": "port", "args": seg2d(port="05_dicesmooth_port.py"),
     "mechanism": "soft Dice smoothing constant 1e-6 in the port where the NumPy loss adds 1.0 to "
                  "numerator and denominator",
     "expected": ("smooth", "dice", "constant", "epsilon", "eps")},
    {"id": "UN06", "side": "port", "args": seg2d(port="06_dicebatch_port.py"),
     "mechanism": "Dice sums taken over dims (0, 1, 2, 3) (one Dice for the whole batch) instead of "
                  "per image over (1, 2, 3) then averaged",
     "expected": ("dim", "axis", "batch", "per image", "per-sample", "dice")},
    {"id": "UN07", "side": "port", "args": seg2d(port="07_adamw_port.py"),
     "mechanism": "torch.optim.AdamW(weight_decay=1e-3) (decoupled decay) where the NumPy Adam adds "
                  "the L2 term 1e-3 * w to the gradient (coupled, torch.optim.Adam)",
     "expected": ("weight decay", "decoupled", "adamw", "l2", "coupled")},
    {"id": "UN08", "side": "port", "args": seg2d(port="08_detachskip_port.py"),
     "mechanism": "the skip tensor is detached before the concat (e1.detach()): the encoder conv "
                  "gets no gradient through the skip path, only through the down path",
     "expected": ("detach", "skip", "gradient flow", "enc", "missing gradient")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UN09", "side": "numpy", "args": seg1d(numpy="09_upgrad_numpy.py"),
     "mechanism": "nearest-upsampling backward takes every other position (du[:, :, ::2]) instead "
                  "of summing each repeated pair: half the gradient into the down branch is lost",
     "expected": ("upsampl", "nearest", "sum", "pair", "repeat")},
    {"id": "UN10", "side": "numpy", "args": seg1d(numpy="10_stridegrad_numpy.py"),
     "mechanism": "conv weight gradient reads the input window without the stride "
                  "(xp[:, :, k:k+Lout] instead of xp[:, :, k::2]): wrong W_down gradient",
     "expected": ("stride", "w_down", "window", "weight gradient", "conv")},
    {"id": "UN11", "side": "numpy", "args": seg1d(numpy="11_epssqrt_numpy.py"),
     "mechanism": "Adam eps added inside the square root (sqrt(v_hat + eps)) instead of after it "
                  "(sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root", "adam")},
    {"id": "UN12", "side": "numpy", "args": seg1d(numpy="12_skipgrad_numpy.py"),
     "mechanism": "the skip-connection gradient (the concat's encoder channels) is not added to the "
                  "encoder map's gradient from the down branch: missing term for W_enc, b_enc",
     "expected": ("skip", "concat", "missing", "w_enc", "encoder")},
    {"id": "UN13", "side": "numpy", "args": seg2d(numpy="13_dicederiv_numpy.py"),
     "mechanism": "Dice gradient treats the denominator as constant (dD/dp = 2y / den): the "
                  "quotient-rule term -num/den^2 is left out",
     "expected": ("dice", "quotient", "denominator", "derivative", "missing term")},
    {"id": "UN14", "side": "numpy", "args": seg2d(numpy="14_convtgrad_numpy.py"),
     "mechanism": "transposed-conv weight gradient built as (cout, cin, kh, kw) and reshaped to the "
                  "(cin, cout, kh, kw) weight: axes swapped, no transpose",
     "expected": ("transpose", "reshape", "wt", "layout", "swap")},
    {"id": "UN15", "side": "numpy", "args": seg2d(numpy="15_decaybias_numpy.py"),
     "mechanism": "L2 weight decay skipped for the biases (only weights with ndim > 1 get + wd * w) "
                  "where torch.optim.Adam(weight_decay) decays every parameter",
     "expected": ("weight decay", "bias", "decay", "l2")},
    {"id": "UN16", "side": "numpy", "args": seg2d(numpy="16_padcrop_numpy.py"),
     "mechanism": "conv input gradient cropped from the padded array as dxp[:, :, :H, :W] instead of "
                  "[pad:pad+H, pad:pad+W]: shifted by one pixel into the encoder map",
     "expected": ("pad", "padding", "crop", "off-by-one", "shift")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UN17", "side": "correct", "args": seg1d_nlc(),
     "mechanism": "correct: 1-D net written channels-last (N, L, C), kernels (k, cin, cout), im2col "
                  "with np.add.at col2im, upsampling by index, in-place Adam with state tuples",
     "expected": ()},
    {"id": "UN18", "side": "correct", "args": seg2d_functional(),
     "mechanism": "correct: functional port with raw nn.Parameters, F.conv2d, the transposed conv as "
                  "an einsum + reshape, clamp_min for ReLU, a Dice nn.Module",
     "expected": ()},
    {"id": "UN19", "side": "correct", "args": seg2d_kingma(),
     "mechanism": "correct: NumPy net with attributes, the 1x1 head as a (8, 1) matrix, Dice gradient "
                  "via num/den, Adam with the bias corrections folded into lr_t and eps_t",
     "expected": ()},
]
