"""Two hundred and thirteenth fresh held-out set for the diagnosis: one planted bug per program in
fresh213/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is small 1-D
convolutional encoder-decoders for segmentation (U-Net style): strided or max-pooled
downsampling, nearest or transposed-convolution upsampling, skip connections concatenated on
the channel axis, a soft Dice loss or Dice plus binary cross-entropy.

The base programs (data from fresh213/make_data.py, fixed seed, nothing random while training):

    unet_numpy.py:UNet1D / unet_torch.py:UNet1D, seg.npz X (32, 2, 16), y (32, 1, 16) mask
        conv k3 pad1 2->6 ReLU (e1); conv k2 stride 2 6->8 ReLU; conv k3 pad1 8->8 ReLU;
        nearest upsample x2; concat [up, e1] (14 channels); conv k3 pad1 14->6 ReLU;
        1x1 conv 6->1 logits. Loss: mean over samples of 1 - soft Dice (per-sample sums,
        smooth 1) + BCE with logits (mean over all elements). Adam lr 0.01, betas
        (0.9, 0.999), eps 1e-8, bias-corrected as torch.optim.Adam. NumPy params dict
        W_*/b_*, kernels in the torch layout (cout, cin, k).
    pool_numpy.py:PoolSegNet / pool_torch.py:PoolSegNet, pool.npz X (24, 1, 32), y (24, 1, 32)
        conv k3 pad1 1->4 ReLU (e); max-pool 2; conv k3 pad1 4->8 ReLU; ConvTranspose1d k2
        stride 2 8->4 ReLU (u); concat [e, u]; 1x1 conv 8->1 logits. Loss: soft Dice over the
        whole batch (one sum, smooth 1). SGD lr 0.5 momentum 0.9 (v = mu v + g; w -= lr v).
        NumPy attributes; kernels kept (k, cin, cout), the 1x1 head a vector (8,).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh213_cases

Each case:
    id          short name (prefixed WE)
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

F = "scripts/diagnosis_sets/fresh213/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]
UNET_LAYERS = ("enc", "down", "mid", "dec", "head")


def unet(numpy="unet_numpy.py", port="unet_torch.py"):
    pairs = []
    for n in UNET_LAYERS:
        pairs += ["--param", f"params['W_{n}']={n}.weight", "--param", f"params['b_{n}']={n}.bias"]
    return [F + numpy + ":UNet1D", "--torch", F + port + ":UNet1D",
            "--data", F + "seg.npz", "--as-written", *pairs, *RUN]


def unet_alt_numpy():
    pairs = []
    for n in UNET_LAYERS:
        pairs += ["--param", f"params['W_{n}']={n}.weight.permute(2,1,0)",
                  "--param", f"params['b_{n}']={n}.bias"]
    return [F + "unet_alt_numpy.py:UNet1D", "--torch", F + "unet_torch.py:UNet1D",
            "--data", F + "seg.npz", "--as-written", *pairs, *RUN]


def unet_alt_port():
    pairs = []
    for i, n in enumerate(UNET_LAYERS):
        pairs += ["--param", f"params['W_{n}']=convs.{i}.weight",
                  "--param", f"params['b_{n}']=convs.{i}.bias"]
    return [F + "unet_numpy.py:UNet1D", "--torch", F + "unet_alt_torch.py:UNet1D",
            "--data", F + "seg.npz", "--as-written", *pairs, *RUN]


def pool(numpy="pool_numpy.py", port="pool_torch.py"):
    return [F + numpy + ":PoolSegNet", "--torch", F + port + ":PoolSegNet",
            "--data", F + "pool.npz", "--as-written",
            "--param", "W_enc=enc.weight.permute(2,1,0)", "--param", "b_enc=enc.bias",
            "--param", "W_mid=mid.weight.permute(2,1,0)", "--param", "b_mid=mid.bias",
            "--param", "W_up=up.weight.permute(2,0,1)", "--param", "b_up=up.bias",
            "--param", "w_head=head.weight.reshape(8)", "--param", "b_head=head.bias", *RUN]


def pool_alt_numpy():
    pairs = []
    for n in ("enc", "mid", "up", "head"):
        pairs += ["--param", f"params['{n}_w']={n}.weight", "--param", f"params['{n}_b']={n}.bias"]
    return [F + "pool_alt_numpy.py:PoolSegNet", "--torch", F + "pool_torch.py:PoolSegNet",
            "--data", F + "pool.npz", "--as-written", *pairs, *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WE01", "side": "port", "args": unet(port="01_skiporder_port.py"),
     "mechanism": "skip connection concatenated in the wrong order, torch.cat([e1, up]) where the "
                  "NumPy program stacks [up, e1]: the decoder conv sees its input channels permuted",
     "expected": ("concat", "skip", "order", "channel", "cat")},
    {"id": "WE02", "side": "port", "args": unet(port="02_linearup_port.py"),
     "mechanism": "F.interpolate(mode='linear') in the decoder where the NumPy program repeats each "
                  "sample (nearest-neighbour upsampling)",
     "expected": ("upsample", "interpolat", "nearest", "linear", "mode")},
    {"id": "WE03", "side": "port", "args": unet(port="03_bceprob_port.py"),
     "mechanism": "binary_cross_entropy_with_logits given the sigmoid probabilities instead of the "
                  "logits: the BCE term applies the sigmoid twice",
     "expected": ("sigmoid", "twice", "logits", "probabilities", "bce")},
    {"id": "WE04", "side": "port", "args": unet(port="04_batchdice_port.py"),
     "mechanism": "soft Dice summed over the whole batch (one global ratio) instead of per sample "
                  "over dims (1, 2) and then averaged",
     "expected": ("dice", "per sample", "batch", "dim", "axis", "reduction")},
    {"id": "WE05", "side": "port", "args": unet(port="05_betas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "WE06", "side": "port", "args": pool(port="06_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across steps "
                  "(identical at step 1, summed from step 2)",
     "expected": ("zero_grad", "accumulat", "step 2", "previous", "summed")},
    {"id": "WE07", "side": "port", "args": pool(port="07_smooth_port.py"),
     "mechanism": "soft Dice smoothing constant 1e-6 in the port where the NumPy program adds 1 to "
                  "numerator and denominator",
     "expected": ("smooth", "dice", "constant", "epsilon", "1e-6")},
    {"id": "WE08", "side": "port", "args": pool(port="08_detachskip_port.py"),
     "mechanism": "skip connection detached, torch.cat([e.detach(), u]): no gradient reaches the "
                  "encoder conv through the skip path, only through the pooled path",
     "expected": ("detach", "skip", "encoder", "gradient", "enc")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WE09", "side": "numpy", "args": unet(numpy="09_dicesig_numpy.py"),
     "mechanism": "Dice term's gradient w.r.t. the probabilities used as the gradient w.r.t. the "
                  "logits: the sigmoid derivative p(1 - p) left out (the BCE term is right)",
     "expected": ("sigmoid", "derivative", "p(1 - p)", "dice", "chain")},
    {"id": "WE10", "side": "numpy", "args": unet(numpy="10_upgrad_numpy.py"),
     "mechanism": "nearest-upsampling backward takes every other gradient (du[:, :, ::2]) instead of "
                  "summing the two copies of each sample",
     "expected": ("upsample", "nearest", "sum", "repeat", "backward")},
    {"id": "WE11", "side": "numpy", "args": unet(numpy="11_vhat_numpy.py"),
     "mechanism": "Adam second moment bias-corrected with beta1 (v / (1 - beta1^t)) instead of beta2",
     "expected": ("bias correction", "beta2", "v_hat", "second moment", "exp_avg_sq")},
    {"id": "WE12", "side": "numpy", "args": unet(numpy="12_bcemean_numpy.py"),
     "mechanism": "BCE gradient (p - y) divided by the batch size N while the loss averages over all "
                  "N*L elements: the BCE part of the gradient 16 times too large",
     "expected": ("bce", "mean", "reduction", "16", "elements")},
    {"id": "WE13", "side": "numpy", "args": unet(numpy="13_padshift_numpy.py"),
     "mechanism": "padded-conv backward crops the input gradient as dxp[:, :, :L] instead of "
                  "dxp[:, :, pad:pad+L]: the gradient to the conv inputs shifted by one sample",
     "expected": ("padding", "pad", "shift", "offset", "crop")},
    {"id": "WE14", "side": "numpy", "args": pool(numpy="14_poolroute_numpy.py"),
     "mechanism": "max-pool backward copies each gradient to both positions of its window (like a "
                  "nearest unpool) instead of routing it to the argmax only",
     "expected": ("max-pool", "maxpool", "argmax", "mask", "pool")},
    {"id": "WE15", "side": "numpy", "args": pool(numpy="15_dampening_numpy.py"),
     "mechanism": "momentum written as an average, v = mu v + (1 - mu) g (dampening 0.9), where "
                  "torch SGD adds the whole gradient (v = mu v + g)",
     "expected": ("dampening", "momentum", "1 - mu", "velocity", "momentum_buffer")},
    {"id": "WE16", "side": "numpy", "args": pool(numpy="16_dicedenom_numpy.py"),
     "mechanism": "soft Dice gradient with the denominator treated as a constant (dp = -2y/denom): "
                  "the quotient rule's (2I + 1)/denom^2 term left out",
     "expected": ("dice", "denominator", "quotient", "missing term", "derivative")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WE17", "side": "correct", "args": unet_alt_numpy(),
     "mechanism": "correct: kernels kept (k, cin, cout) and applied by im2col matrix products, the "
                  "Dice + BCE gradient in one expression, Adam moments updated in place",
     "expected": ()},
    {"id": "WE18", "side": "correct", "args": unet_alt_port(),
     "mechanism": "correct: port with the convs in an nn.ModuleList, upsampling by "
                  "repeat_interleave, BCE written with softplus, Dice with einsum",
     "expected": ()},
    {"id": "WE19", "side": "correct", "args": pool_alt_numpy(),
     "mechanism": "correct: params dict in the torch layouts, sliding_window_view convolutions, "
                  "argmax/take_along_axis max-pool, per-tap transposed conv, in-place momentum",
     "expected": ()},
]
