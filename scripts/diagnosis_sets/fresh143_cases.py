"""One hundred and forty-third fresh held-out set for the diagnosis: one planted bug per program in
fresh143/, 8 in PyTorch ports (each checked against the correct NumPy program) and 8 in NumPy
programs (each checked against the correct port), and 3 correct programs written another way.
The theme is learnable and piecewise activation functions written by hand in small MLPs:
PReLU with a learned slope per unit and one shared slope, swish with a learnable beta, maxout,
hard-sigmoid, hard-swish, ReLU6, hardtanh, ELU, SELU and softplus with a beta.

The base programs (each a NumPy program with a hand-written backward pass and its own optimizer
step, and its PyTorch port trained by autograd and torch.optim; data from fresh143/make_data.py,
whole-batch steps, nothing random during training):

    prelu_numpy.py:PReLUNet / prelu_torch.py:PReLUNet (prelu.npz, X (96, 6), y int (96,) in 0..2):
        Linear(6,16) -> PReLU with 16 learned slopes (nn.PReLU(16) in the port) -> Linear(16,12)
        -> PReLU with one shared learned slope a2 (1,) (written out in the port as
        relu(z) - a2 * relu(-z)) -> Linear(12,8) -> hardtanh clip to [-1, 1] -> Linear(8,3) logits,
        mean softmax cross-entropy (nn.CrossEntropyLoss); SGD with momentum 0.9 (v = mu v + g,
        p -= lr v), lr 0.05; NumPy weights (in, out) in self.params, velocity in self.velocity.
    swish_numpy.py:SwishMaxout / swish_torch.py:SwishMaxout (swish.npz, X (64, 5), y (64, 1) in [0, 1]):
        maxout Linear(5, 24) read as 8 units x 3 pieces (unit-major), max over the pieces, its
        gradient routed to the winning piece -> Linear(8,10) -> swish z * sigmoid(beta z) with a
        learned beta per unit (10,) -> Linear(10,6) -> ELU(alpha=0.5) -> Linear(6,1) ->
        hard-sigmoid clip(z/6 + 1/2, 0, 1); mean squared error; Adam (lr 0.01, betas 0.9, 0.999,
        eps 1e-8, bias-corrected), NumPy moments in self.m, self.v.
    clamp_numpy.py:ClampNet / clamp_torch.py:ClampNet (clamp.npz, X (80, 4), y (80, 1) in {0, 1}):
        Linear(4,16) -> softplus(beta=2) (torch's threshold 20) -> Linear(16,16) -> ReLU6 ->
        Linear(16,12) -> hard-swish -> Linear(12,8) -> SELU (its alpha and scale) -> Linear(8,1)
        logits; mean binary cross-entropy with logits (nn.BCEWithLogitsLoss); plain SGD lr 0.1 with
        weight_decay 1e-3 on every parameter, added to the gradient in the update (the NumPy
        program's grads hold the loss gradient alone).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh143_cases

Each case:
    id          short name (prefixed TM)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20 --dtype float32 --device cpu where absent (they are given here)
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings or any other held-out set;
validated by exit status alone (each bug fails, exit 1, and passes, exit 0, once its `# fix:`
line is applied; each correct program passes).
"""

F = "scripts/diagnosis_sets/fresh143/"

RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]


def _linear_pairs(n, transpose=".T", extra=()):
    out = []
    for i in range(1, n + 1):
        out += ["--param", f"params['W{i}']=fc{i}.weight{transpose}", "--param", f"params['b{i}']=fc{i}.bias"]
    for pair in extra:
        out += ["--param", pair]
    return out


PRELU_PARAMS = _linear_pairs(4, extra=("params['a1']=act1.weight", "params['a2']=a2"))
SWISH_PARAMS = _linear_pairs(4, extra=("params['beta']=beta",))
CLAMP_PARAMS = _linear_pairs(5)


def prelu(numpy="prelu_numpy.py", torch="prelu_torch.py", params=PRELU_PARAMS):
    return [F + numpy + ":PReLUNet", "--torch", F + torch + ":PReLUNet", "--data", F + "prelu.npz",
            *params, *RUN]


def swish(numpy="swish_numpy.py", torch="swish_torch.py", params=SWISH_PARAMS):
    return [F + numpy + ":SwishMaxout", "--torch", F + torch + ":SwishMaxout", "--data", F + "swish.npz",
            *params, *RUN]


def clamp(numpy="clamp_numpy.py", torch="clamp_torch.py", params=CLAMP_PARAMS):
    return [F + numpy + ":ClampNet", "--torch", F + torch + ":ClampNet", "--data", F + "clamp.npz",
            *params, *RUN]


CASES = [
    # ---------------------------------------------------------------- bugs in the PyTorch ports
    {"id": "TM01_softmax_ce", "side": "port", "args": prelu(torch="01_softmax_ce_port.py"),
     "mechanism": "the port's forward returns softmax probabilities and nn.CrossEntropyLoss applies log-softmax again (a double softmax)",
     "expected": ("softmax", "logits", "probabilities", "cross-entropy")},
    {"id": "TM02_prelu_sign", "side": "port", "args": prelu(torch="02_prelu_sign_port.py"),
     "mechanism": "the shared PReLU written out as relu(z) + a2 * relu(-z): the sign of the negative branch is flipped",
     "expected": ("sign", "prelu", "negative", "slope")},
    {"id": "TM03_nesterov", "side": "port", "args": prelu(torch="03_nesterov_port.py"),
     "mechanism": "torch.optim.SGD built with nesterov=True where the NumPy program uses plain (heavy-ball) momentum",
     "expected": ("nesterov", "momentum")},
    {"id": "TM04_maxout_view", "side": "port", "args": swish(torch="04_maxout_view_port.py"),
     "mechanism": "maxout grouped the wrong way: view(-1, pieces, units).max(dim=1) where the NumPy program reads (units, pieces) and maxes over the last axis",
     "expected": ("maxout", "axis", "view", "reshape", "pieces")},
    {"id": "TM05_silu_beta", "side": "port", "args": swish(torch="05_silu_beta_port.py"),
     "mechanism": "learnable swish ported as F.silu(beta * z) = beta z sigmoid(beta z) instead of z * sigmoid(beta z): an extra factor beta",
     "expected": ("swish", "silu", "beta")},
    {"id": "TM06_squeeze_broadcast", "side": "port", "args": swish(torch="06_squeeze_broadcast_port.py"),
     "mechanism": "F.mse_loss(model(X).squeeze(1), y) with y of shape (N, 1): the (N,) prediction broadcasts against (N, 1) to an (N, N) loss",
     "expected": ("broadcast", "shape", "squeeze")},
    {"id": "TM07_relu6_clamp", "side": "port", "args": clamp(torch="07_relu6_clamp_port.py"),
     "mechanism": "ReLU6 ported as torch.clamp(z, max=6.0), the lower clamp at 0 forgotten (negatives pass through)",
     "expected": ("relu6", "clamp", "lower", "min")},
    {"id": "TM08_softplus_beta", "side": "port", "args": clamp(torch="08_softplus_beta_port.py"),
     "mechanism": "F.softplus called without beta=2 (torch's default beta 1) where the NumPy program uses softplus with beta 2",
     "expected": ("softplus", "beta")},
    # ---------------------------------------------------------------- bugs in the NumPy programs
    {"id": "TM09_prelu_slope_dz", "side": "numpy", "args": prelu(numpy="09_prelu_slope_dz_numpy.py"),
     "mechanism": "the per-unit PReLU's input derivative taken as ReLU's, (z1 > 0), forgetting the learned slope a1 on the negative side",
     "expected": ("prelu", "slope", "relu", "activation derivative")},
    {"id": "TM10_hardtanh_mask", "side": "numpy", "args": prelu(numpy="10_hardtanh_mask_numpy.py"),
     "mechanism": "hardtanh derivative mask keeps only z3 > -1, forgetting the upper kink (gradient passed where z3 > 1 is clipped)",
     "expected": ("hardtanh", "clip", "clamp", "mask", "saturat")},
    {"id": "TM11_momentum_order", "side": "numpy", "args": prelu(numpy="11_momentum_order_numpy.py"),
     "mechanism": "momentum update in the wrong order: the parameter steps by the old velocity before the velocity takes this step's gradient",
     "expected": ("order", "velocity", "stale", "previous step", "lag")},
    {"id": "TM12_maxout_all_pieces", "side": "numpy", "args": swish(numpy="12_maxout_all_pieces_numpy.py"),
     "mechanism": "maxout backward copies the unit's gradient to every piece instead of routing it to the winning piece only (argmax mask forgotten)",
     "expected": ("maxout", "argmax", "winning", "mask", "max")},
    {"id": "TM13_swish_beta_grad", "side": "numpy", "args": swish(numpy="13_swish_beta_grad_numpy.py"),
     "mechanism": "the learnable swish beta's gradient uses z * s (1 - s) instead of z**2 * s (1 - s): one factor z missing",
     "expected": ("beta", "swish")},
    {"id": "TM14_adam_vhat", "side": "numpy", "args": swish(numpy="14_adam_vhat_numpy.py"),
     "mechanism": "Adam's second-moment bias correction forgotten: v_hat = v instead of v / (1 - beta2**t)",
     "expected": ("bias correction", "bias-correct", "second moment", "exp_avg_sq", "beta2")},
    {"id": "TM15_selu_scale", "side": "numpy", "args": clamp(numpy="15_selu_scale_numpy.py"),
     "mechanism": "SELU derivative on the negative side written alpha * exp(z) without the scale factor (scale * alpha * exp(z))",
     "expected": ("selu", "scale", "1.0507")},
    {"id": "TM16_hardswish_deriv", "side": "numpy", "args": clamp(numpy="16_hardswish_deriv_numpy.py"),
     "mechanism": "hard-swish derivative on [-3, 3] written (z + 3) / 6 instead of (2z + 3) / 6: the product rule's second term forgotten",
     "expected": ("hardswish", "hard-swish", "product rule")},
    # ---------------------------------------------------------------- correct programs
    {"id": "TM17_prelu_outin", "side": "correct",
     "args": prelu(numpy="17_prelu_outin_numpy.py",
                   params=_linear_pairs(4, transpose="", extra=("params['a1']=act1.weight", "params['a2']=a2"))),
     "mechanism": "correct: weights kept (out, in), PReLU by np.where, log-sum-exp loss, momentum updated in place",
     "expected": ()},
    {"id": "TM18_swish_rawparams", "side": "correct",
     "args": swish(torch="18_swish_rawparams_port.py",
                   params=[a for k in ("W1", "b1", "W2", "b2", "beta", "W3", "b3", "W4", "b4")
                           for a in ("--param", f"params['{k}']={k}")]),
     "mechanism": "correct: port with plain parameters in the NumPy layout, maxout by unflatten + amax, swish as z / (1 + exp(-beta z)), nn.ELU, nn.Hardsigmoid",
     "expected": ()},
    {"id": "TM19_clamp_decoupled", "side": "correct", "args": clamp(numpy="19_clamp_decoupled_numpy.py"),
     "mechanism": "correct: softplus by logaddexp, sigmoid by tanh, piecewise derivatives by np.select, weight decay folded in as a shrink before the gradient step",
     "expected": ()},
]
