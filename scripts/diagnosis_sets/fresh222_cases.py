"""Two hundred and twenty-second fresh held-out set for the diagnosis: one planted bug per program
in fresh222/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is Deep Sets:
permutation-invariant networks over padded sets, a per-element encoder phi, a masked pooling over
the set (mean, max or sum) and a decoder rho, with the backward pass through the masked pooling
written by hand (the max routes its gradient to the winning element).

The base programs (data from fresh222/make_data.py, fixed seed, nothing random while training):

    mean_numpy.py:MeanDeepSet / mean_torch.py:MeanDeepSet, sets_mean.npz X (48, 10, 3), y (48,)
        X[..., :2] element features, X[..., 2] the mask (1 real, 0 padding). phi: relu(x W1 + b1)
        2->16, tanh(h W2 + b2) 16->16; masked mean over the real elements; rho: tanh(p W3 + b3)
        16->16, linear 16->1; mean squared error. Params in a dict, W kept (in, out).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected.
    max_numpy.py:MaxDeepSet / max_torch.py:MaxDeepSet, sets_max.npz X (40, 8, 4), y (40,) in {0,1,2}
        padded slots all zero (mask = any feature nonzero). phi: tanh(x W_phi + b_phi) 4->12;
        masked max over the set (padding at -inf; the backward routes to the argmax); rho:
        relu 12->16, linear 16->3; softmax cross-entropy, mean. Params as attributes (in, out).
        SGD lr 0.1, momentum 0.9, weight decay 1e-3 coupled as torch.optim.SGD.
    sum_numpy.py:SumDeepSet / sum_torch.py:SumDeepSet, sets_sum.npz X (32, 12, 4), y (32,) in {0, 1}
        feature 0 a value, 1-3 a one-hot category, padded slots all zero. phi: relu 4->16,
        relu 16->8; masked sum; rho: tanh 8->16, linear 16->1 logit; BCE with logits, mean.
        Params as a list of layer dicts {'W' (in, out), 'b'}. Global gradient-norm clipping at
        0.25 (clip_grad_norm_), then RMSprop lr 0.01, alpha 0.9, eps 1e-8.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh222_cases

Each case:
    id          short name (prefixed WN)
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

F = "scripts/diagnosis_sets/fresh222/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def mean(numpy="mean_numpy.py", port="mean_torch.py", cls="MeanDeepSet", t=".T"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":MeanDeepSet",
            "--data", F + "sets_mean.npz", "--as-written",
            "--param", f"params['W1']=phi.0.weight{t}",
            "--param", "params['b1']=phi.0.bias",
            "--param", f"params['W2']=phi.2.weight{t}",
            "--param", "params['b2']=phi.2.bias",
            "--param", f"params['W3']=rho.0.weight{t}",
            "--param", "params['b3']=rho.0.bias",
            "--param", f"params['W4']=rho.2.weight{t}",
            "--param", "params['b4']=rho.2.bias", *RUN]


def mx(numpy="max_numpy.py", port="max_torch.py", cls="MaxDeepSet", t=".T",
       names=("phi.weight", "phi.bias", "hidden.weight", "hidden.bias", "out.weight", "out.bias")):
    w_phi, b_phi, w_h, b_h, w_out, b_out = names
    return [F + numpy + ":MaxDeepSet", "--torch", F + port + ":" + cls,
            "--data", F + "sets_max.npz", "--as-written",
            "--param", f"W_phi={w_phi}{t}",
            "--param", f"b_phi={b_phi}",
            "--param", f"W_h={w_h}{t}",
            "--param", f"b_h={b_h}",
            "--param", f"W_out={w_out}{t}",
            "--param", f"b_out={b_out}", *RUN]


def sum_alt():
    return [F + "sum_alt_numpy.py:SumDeepSetAlt", "--torch", F + "sum_torch.py:SumDeepSet",
            "--data", F + "sets_sum.npz", "--as-written",
            "--param", "p['w0']=phi1.weight.T",
            "--param", "p['b0']=phi1.bias",
            "--param", "p['w1']=phi2.weight.T",
            "--param", "p['b1']=phi2.bias",
            "--param", "p['w2']=rho1.weight.T",
            "--param", "p['b2']=rho1.bias",
            "--param", "p['w3']=rho2.weight.T",
            "--param", "p['b3']=rho2.bias", *RUN]


def sm(numpy="sum_numpy.py", port="sum_torch.py"):
    return [F + numpy + ":SumDeepSet", "--torch", F + port + ":SumDeepSet",
            "--data", F + "sets_sum.npz", "--as-written",
            "--param", "layers[0]['W']=phi1.weight.T",
            "--param", "layers[0]['b']=phi1.bias",
            "--param", "layers[1]['W']=phi2.weight.T",
            "--param", "layers[1]['b']=phi2.bias",
            "--param", "layers[2]['W']=rho1.weight.T",
            "--param", "layers[2]['b']=rho1.bias",
            "--param", "layers[3]['W']=rho2.weight.T",
            "--param", "layers[3]['b']=rho2.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WN01", "side": "port", "args": mean(port="01_meanpad_port.py"),
     "mechanism": "masked mean pooled as (e * mask).mean(dim=1): the masked sum divided by the "
                  "padded set size S = 10 instead of the number of real elements",
     "expected": ("mean", "count", "set size", "padding", "divide", "mask")},
    {"id": "WN02", "side": "port", "args": mean(port="02_maskinput_port.py"),
     "mechanism": "mask applied to the input elements (phi(x * mask)) instead of to the encoder "
                  "outputs: phi(0) of each padded slot leaks into the pooled sum",
     "expected": ("mask", "padding", "padded", "encoder", "phi")},
    {"id": "WN03", "side": "port", "args": mean(port="03_msebroadcast_port.py"),
     "mechanism": "forward returns the (N, 1) prediction without squeeze; F.mse_loss against y "
                  "of shape (N,) broadcasts to (N, N), every prediction against every target",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "n, 1")},
    {"id": "WN04", "side": "port", "args": mx(port="04_fillzero_port.py"),
     "mechanism": "padded slots filled with 0.0 instead of -inf before the max pooling: where "
                  "every real tanh value of a unit is negative the padding wins the max",
     "expected": ("-inf", "inf", "mask", "padding", "fill", "max")},
    {"id": "WN05", "side": "port", "args": mx(port="05_sumreduce_port.py"),
     "mechanism": "F.cross_entropy(..., reduction='sum') where the NumPy program averages the "
                  "loss over the batch (gradients 40 times larger)",
     "expected": ("sum", "mean", "reduction", "batch size", "40")},
    {"id": "WN06", "side": "port", "args": mx(port="06_nodecay_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=1e-3: the NumPy program's coupled "
                  "weight decay is missing from the port",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "WN07", "side": "port", "args": sm(port="07_rmsprop_alpha_port.py"),
     "mechanism": "torch.optim.RMSprop left at its default alpha=0.99 where the NumPy RMSprop "
                  "averages the squared gradient with alpha (rho) 0.9",
     "expected": ("alpha", "rho", "rmsprop", "square", "smoothing")},
    {"id": "WN08", "side": "port", "args": sm(port="08_clipvalue_port.py"),
     "mechanism": "clip_grad_value_(clip_value=0.25) instead of clip_grad_norm_(max_norm=0.25): "
                  "elementwise clamping, where the NumPy program scales all gradients by the global norm",
     "expected": ("clip", "clipping", "norm", "clip_grad")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WN09", "side": "numpy", "args": mean(numpy="09_unmaskedgrad_numpy.py"),
     "mechanism": "backward of the masked mean sends dpooled / count to every slot, padding "
                  "included (the mask left out of the backward): phi's gradients gain padded terms",
     "expected": ("mask", "padding", "padded", "pool", "mean")},
    {"id": "WN10", "side": "numpy", "args": mean(numpy="10_msehalf_numpy.py"),
     "mechanism": "MSE gradient written as (pred - y) / N, the factor 2 left out: every gradient "
                  "half as large (Adam hides most of it in the update)",
     "expected": ("factor 2", "factor of 2", "half", "0.5", "mse", "squared")},
    {"id": "WN11", "side": "numpy", "args": mean(numpy="11_dw2transpose_numpy.py"),
     "mechanism": "gradient of the square encoder weight W2 (16x16) computed as dz2.T @ h, the "
                  "transpose of h.T @ dz2",
     "expected": ("transpose", "w2", "layout", "swapped")},
    {"id": "WN12", "side": "numpy", "args": mx(numpy="12_argmaxpad_numpy.py"),
     "mechanism": "max-pool backward routes the gradient to np.argmax of the unmasked encodings, "
                  "so where a padded slot would win, the gradient goes to padding, not the real maximum",
     "expected": ("argmax", "mask", "padding", "max", "route")},
    {"id": "WN13", "side": "numpy", "args": mx(numpy="13_decaybias_numpy.py"),
     "mechanism": "weight decay applied to the weights only, the biases left undecayed, where "
                  "torch.optim.SGD(weight_decay=1e-3) decays every parameter",
     "expected": ("weight decay", "decay", "bias", "biases")},
    {"id": "WN14", "side": "numpy", "args": mx(numpy="14_emamomentum_numpy.py"),
     "mechanism": "momentum as an exponential average, v = 0.9 v + (1 - 0.9) g, where "
                  "torch.optim.SGD accumulates v = 0.9 v + g (dampening 0): updates 10 times smaller",
     "expected": ("momentum", "dampening", "1 - mu", "velocity", "0.1")},
    {"id": "WN15", "side": "numpy", "args": sm(numpy="15_perparamclip_numpy.py"),
     "mechanism": "gradient clipping by each parameter's own norm instead of the global norm of "
                  "all gradients together",
     "expected": ("clip", "clipping", "global", "norm", "per-parameter")},
    {"id": "WN16", "side": "numpy", "args": sm(numpy="16_tanhpre_numpy.py"),
     "mechanism": "tanh derivative in rho's hidden layer taken as 1 - a**2 of the pre-activation "
                  "a instead of 1 - tanh(a)**2",
     "expected": ("tanh", "derivative", "pre-activation", "activation")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WN17", "side": "correct",
     "args": mean(numpy="mean_alt_numpy.py", cls="MeanDeepSetAlt", t=""),
     "mechanism": "correct: NumPy mean-pooling Deep Set with weights kept (out, in), einsum "
                  "throughout, pooling as a contraction with mask / count, Adam in place in torch's step form",
     "expected": ()},
    {"id": "WN18", "side": "correct",
     "args": mx(port="max_alt_torch.py", cls="MaxDeepSetAlt", t="",
                names=("W_phi", "b_phi", "W_h", "b_h", "W_out", "b_out")),
     "mechanism": "correct: port with bare nn.Parameters kept (in, out), padding pushed down by "
                  "a -1e4 offset before torch.max, log_softmax + nll_loss",
     "expected": ()},
    {"id": "WN19", "side": "correct", "args": sum_alt(),
     "mechanism": "correct: NumPy sum-pooling Deep Set with a flat parameter dict, pooling by "
                  "einsum with the mask, sigmoid via tanh, clipping norm by np.linalg.norm, RMSprop in place",
     "expected": ()},
]
