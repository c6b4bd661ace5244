"""Hundred-and-thirty-fourth fresh held-out set of planted bugs for the diagnosis: one planted bug per
program in fresh134/, each a copy of one of three base programs with one small change. The theme is
adversarial training and input gradients written by hand: FGSM adversarial examples built inside the
training step from the sign of the loss gradient with respect to the input, and a gradient-penalty
(double backprop) regulariser, the squared norm of dL/dx added to the loss, whose NumPy backward is a
hand-written second-order pass and whose port uses torch.autograd.grad(create_graph=True).

The base programs (data from fresh134/make_data.py, fixed seed; nothing random is drawn in training):

    fgsm_numpy.py:FGSMNet / fgsm_torch.py:FGSMNet   (fgsm.npz: X (64, 6) in [0, 1], y (64,) int64, 3 classes)
        tanh MLP 6-16-3, softmax cross-entropy (mean). Each step: dL/dX of the clean rows
        backpropagated by hand to the input, X_adv = clip(X + 0.1 * sign(dL/dX), 0, 1), then one
        batch of the 2N clean + adversarial rows (mean cross-entropy, X_adv held fixed). SGD with
        momentum 0.9 as torch.optim.SGD (v = mu v + g; p -= lr v), lr 0.1, state net.velocity.
        The port takes the input gradient with a backward pass on a copy of X that requires grad,
        then zero_grad() before the training backward.
    gp_numpy.py:GradPenaltyNet / gp_torch.py:GradPenaltyNet   (gp_reg.npz: X (48, 4), y (48, 1))
        tanh MLP 4-12-1 regressor, L = mean((f - y)^2), J = L + 0.5 * sum((dL/dX)^2). NumPy
        backpropagates the penalty by hand through G = D W1^T, D = (r W2^T)(1 - h^2),
        r = (2/N)(f - y); the port uses torch.autograd.grad(L, X, create_graph=True).
        Adam lr 0.01, betas (0.9, 0.99), eps 1e-8, bias-corrected, state net.m / net.v.
    gpsp_numpy.py:SoftplusGPNet / gpsp_torch.py:SoftplusGPNet   (gp_cls.npz: X (48, 5), y (48, 1) in {0, 1})
        softplus MLP 5-10-1, binary cross-entropy with logits; per-row input gradients
        G_n = d l_n / d x_n (the port: autograd.grad of the summed per-row losses, create_graph=True),
        J = mean_n l_n + 0.2 * mean_n ||G_n||^2; the NumPy backward uses softplus'' = s(1 - s) and
        sigmoid'(u) = p(1 - p). Plain SGD lr 0.5 with L2 weight decay 0.01 on every parameter
        (torch.optim.SGD(weight_decay=0.01)).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh134_cases

Each case:
    id          short name (prefixed TD)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); a port bug
                is checked against the correct NumPy base, a NumPy bug against the correct port
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements; validated by exit status
alone (every bug exits 1, its fixed copy and every correct program exit 0, float32 on cpu, 20 steps).
"""

F = "scripts/diagnosis_sets/fresh134/"

_COMMON = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]
_LINEAR = ["--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
           "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias"]


def _fgsm(numpy="fgsm_numpy.py", torch="fgsm_torch.py"):
    return [F + numpy + ":FGSMNet", "--torch", F + torch + ":FGSMNet", "--data", F + "fgsm.npz",
            "--init", "net = FGSMNet()"] + _LINEAR + _COMMON


def _gp(numpy="gp_numpy.py", torch="gp_torch.py"):
    return [F + numpy + ":GradPenaltyNet", "--torch", F + torch + ":GradPenaltyNet", "--data", F + "gp_reg.npz",
            "--init", "net = GradPenaltyNet()"] + _LINEAR + _COMMON


def _gpsp(numpy="gpsp_numpy.py", torch="gpsp_torch.py"):
    return [F + numpy + ":SoftplusGPNet", "--torch", F + torch + ":SoftplusGPNet", "--data", F + "gp_cls.npz",
            "--init", "net = SoftplusGPNet()"] + _LINEAR + _COMMON


CASES = [
    # ---------------------------------------------------------------- port bugs
    {"id": "TD01", "side": "port", "args": _fgsm(torch="01_sign_port.py"),
     "mechanism": "FGSM step takes eps times the raw input gradient instead of its sign (x + eps * grad, an FGM step)",
     "expected": ("sign", "fgsm", "raw gradient", "adversarial")},
    {"id": "TD02", "side": "port", "args": _fgsm(torch="02_zerograd_port.py"),
     "mechanism": "optimizer.zero_grad() moved before the attack's backward pass, so the parameter gradients of the clean-loss backward used to build X_adv accumulate into the training gradients",
     "expected": ("zero_grad", "accumulat", "leftover", "stale gradient", "not zeroed")},
    {"id": "TD03", "side": "port", "args": _fgsm(torch="03_clamp_port.py"),
     "mechanism": "adversarial rows not clipped back to the [0, 1] input range (clamp omitted)",
     "expected": ("clip", "clamp", "range", "[0, 1]")},
    {"id": "TD04", "side": "port", "args": _gp(torch="04_creategraph_port.py"),
     "mechanism": "input gradient taken with retain_graph=True instead of create_graph=True, so the gradient penalty is a constant and contributes nothing to the parameter gradients",
     "expected": ("create_graph", "double backprop", "penalty", "second-order", "detached")},
    {"id": "TD05", "side": "port", "args": _gp(torch="05_norm_port.py"),
     "mechanism": "penalty is the L2 norm of the input gradient (grad_x.norm()) instead of its squared norm",
     "expected": ("squared", "norm", "square root", "sqrt")},
    {"id": "TD06", "side": "port", "args": _gp(torch="06_betas_port.py"),
     "mechanism": "torch.optim.Adam built with default betas (beta2 0.999) where the NumPy Adam uses beta2 0.99",
     "expected": ("beta", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "TD07", "side": "port", "args": _gpsp(torch="07_meangrad_port.py"),
     "mechanism": "per-row input gradients taken from the mean of the per-row losses instead of their sum, so each G_n is scaled by 1/N and the penalty by 1/N^2",
     "expected": ("per-sample", "per-row", "mean", "1/n", "reduction", "scale")},
    {"id": "TD08", "side": "port", "args": _gpsp(torch="08_biasdecay_port.py"),
     "mechanism": "weight decay left off the biases (a no-decay parameter group) where the NumPy program decays every parameter",
     "expected": ("weight decay", "bias", "weight_decay", "parameter group")},
    # --------------------------------------------------------------- numpy bugs
    {"id": "TD09", "side": "numpy", "args": _fgsm(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "the attack's input gradient skips the tanh derivative (dz1 = dh instead of dh * (1 - h^2)), so sign(dL/dX) and X_adv are wrong",
     "expected": ("tanh", "derivative", "1 - h", "input gradient", "adversarial")},
    {"id": "TD10", "side": "numpy", "args": _fgsm(numpy="10_count_numpy.py"),
     "mechanism": "cross-entropy gradient of the concatenated clean + adversarial batch divided by N instead of 2N (the row count before concatenation)",
     "expected": ("2n", "batch size", "factor of 2", "concatenat", "mean")},
    {"id": "TD11", "side": "numpy", "args": _fgsm(numpy="11_momorder_numpy.py"),
     "mechanism": "parameter updated with the previous step's velocity, before the velocity takes this step's gradient (update and momentum in the wrong order)",
     "expected": ("order", "velocity", "momentum", "previous step", "stale")},
    {"id": "TD12", "side": "numpy", "args": _gp(numpy="12_tanh2_numpy.py"),
     "mechanism": "second derivative of tanh in the penalty backward has the wrong sign: d(1 - h^2)/dh written as +2h instead of -2h",
     "expected": ("second derivative", "-2h", "sign", "tanh", "curvature")},
    {"id": "TD13", "side": "numpy", "args": _gp(numpy="13_directW1_numpy.py"),
     "mechanism": "penalty backward forgets W1's direct role in G = D @ W1.T (the Gbar.T @ D term of the W1 gradient)",
     "expected": ("W1", "direct", "missing term", "penalty", "input weight")},
    {"id": "TD14", "side": "numpy", "args": _gp(numpy="14_adamv_numpy.py"),
     "mechanism": "Adam's second-moment bias correction divides by 1 - beta1^t instead of 1 - beta2^t",
     "expected": ("bias correction", "beta2", "second moment", "v_hat", "beta1")},
    {"id": "TD15", "side": "numpy", "args": _gpsp(numpy="15_spderiv_numpy.py"),
     "mechanism": "softplus derivative evaluated on the activation (sigmoid(h), h = softplus(z)) instead of the pre-activation (sigmoid(z))",
     "expected": ("softplus", "derivative", "activated", "pre-activation", "sigmoid(z)")},
    {"id": "TD16", "side": "numpy", "args": _gpsp(numpy="16_outcurv_numpy.py"),
     "mechanism": "penalty's path through r = sigmoid(u) - y drops the sigmoid derivative p(1 - p) (rbar passed to u unscaled)",
     "expected": ("sigmoid derivative", "p(1 - p)", "p * (1 - p)", "chain rule", "output")},
    # ---------------------------------------------------------- correct programs
    {"id": "TD17", "side": "correct",
     "args": [F + "fgsm_v2_numpy.py:FGSMNet", "--torch", F + "fgsm_torch.py:FGSMNet", "--data", F + "fgsm.npz",
              "--init", "net = FGSMNet()",
              "--param", "W1=fc1.weight", "--param", "b1=fc1.bias",
              "--param", "W2=fc2.weight", "--param", "b2=fc2.bias"] + _COMMON,
     "mechanism": "correct: weights kept (out, in) as attributes, the objective written as 0.5 (clean mean + adversarial mean) with two backward passes summed",
     "expected": ()},
    {"id": "TD18", "side": "correct",
     "args": [F + "gp_numpy.py:GradPenaltyNet", "--torch", F + "gp_v2_torch.py:GradPenaltyNet", "--data", F + "gp_reg.npz",
              "--init", "net = GradPenaltyNet()",
              "--param", "params['W1']=params.W1", "--param", "params['b1']=params.b1",
              "--param", "params['W2']=params.W2", "--param", "params['b2']=params.b2"] + _COMMON,
     "mechanism": "correct: plain tensors in an nn.ParameterDict in the NumPy layout, gradients from torch.autograd.grad assigned to .grad by hand before torch.optim.Adam steps",
     "expected": ()},
    {"id": "TD19", "side": "correct",
     "args": [F + "gpsp_v2_numpy.py:SoftplusGPNet", "--torch", F + "gpsp_torch.py:SoftplusGPNet", "--data", F + "gp_cls.npz",
              "--init", "net = SoftplusGPNet()",
              "--param", "params['W1']=fc1.weight", "--param", "params['b1']=fc1.bias.reshape(10,1)",
              "--param", "params['W2']=fc2.weight", "--param", "params['b2']=fc2.bias.reshape(1,1)"] + _COMMON,
     "mechanism": "correct: samples as columns, weights (out, in), column biases, weight decay applied as a shrink of the parameter before the gradient step",
     "expected": ()},
]
