"""One hundred and seventy-sixth fresh held-out set for the diagnosis: one planted bug per program
in fresh176/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is the mixture of experts
regressor written by hand in NumPy: a softmax gating network over 3 or 4 small expert MLPs, the
prediction the gate-weighted sum of the experts' outputs, trained on squared error, or as a
mixture density network (Gaussian mixture negative log-likelihood with learned log-variances).

The base programs (data from fresh176/make_data.py, fixed seed, nothing random while training):

    moe_numpy.py:MoERegressor / moe_torch.py:MoE, moe.npz X (32, 4), y (32, 1) (a different
        smooth function of the inputs in each quadrant of (x0, x1))
        gate: softmax(X @ Wg + bg) over E = 4 experts (Wg kept (D, E)); each expert
        tanh(X @ W1_k + b1_k) @ W2_k + b2_k with 8 hidden units (NumPy: a flat dict of
        parameters W1_0 .. b2_3, weights kept (in, out); torch: nn.ModuleList of
        nn.Sequential(Linear, Tanh, Linear)); yhat = sum_k pi_k f_k; loss mean((yhat - y)^2).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8 outside the root, bias-corrected, as
        torch.optim.Adam (NumPy moments net.m, net.v).
    mdn_numpy.py:MDNExperts / mdn_torch.py:MDN, mdn.npz X (48, 3), y (48, 1) (each row from one
        of three branches of x0: a multimodal target)
        gate: log_softmax(X @ Wg + bg) over E = 3 experts (Wg kept (D, E), D = E = 3); each
        expert relu(X @ W1[k] + b1[k]) @ W2[k] + b2[k] with 10 hidden units and two outputs,
        the mean mu_k and the log-variance s_k; weights stacked on a leading expert axis
        W1 (E, D, H), b1 (E, H), W2 (E, H, 2), b2 (E, 2) on both sides (torch: nn.Parameters
        and einsum); loss -mean_n logsumexp_k(log pi_k - 0.5 (log 2pi + s_k + (y - mu_k)^2 e^-s_k)).
        RMSprop lr 0.005, alpha 0.9, eps 1e-8 outside the root, as torch.optim.RMSprop (NumPy
        running squares net.sq, paired with square_avg).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh176_cases

Each case:
    id          short name (prefixed UT)
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

F = "scripts/diagnosis_sets/fresh176/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def moe(numpy="moe_numpy.py", port="moe_torch.py"):
    pairs = ["--param", "params['Wg']=gate.weight.T", "--param", "params['bg']=gate.bias"]
    for k in range(4):
        pairs += ["--param", f"params['W1_{k}']=experts.{k}.0.weight.T",
                  "--param", f"params['b1_{k}']=experts.{k}.0.bias",
                  "--param", f"params['W2_{k}']=experts.{k}.2.weight.T",
                  "--param", f"params['b2_{k}']=experts.{k}.2.bias"]
    return [F + numpy + ":MoERegressor", "--torch", F + port + ":MoE",
            "--data", F + "moe.npz", "--as-written", "--init", "net = MoERegressor()",
            *pairs, *RUN]


def moe_alt():
    pairs = ["--param", "gate.W=gate.weight", "--param", "gate.b=gate.bias"]
    for k in range(4):
        pairs += ["--param", f"experts[{k}].fc1.W=experts.{k}.0.weight",
                  "--param", f"experts[{k}].fc1.b=experts.{k}.0.bias",
                  "--param", f"experts[{k}].fc2.W=experts.{k}.2.weight",
                  "--param", f"experts[{k}].fc2.b=experts.{k}.2.bias"]
    return [F + "moe_alt_numpy.py:MoEAlt", "--torch", F + "moe_torch.py:MoE",
            "--data", F + "moe.npz", "--as-written", "--init", "net = MoEAlt()",
            *pairs, *RUN]


def mdn(numpy="mdn_numpy.py", port="mdn_torch.py", cls="MDN"):
    return [F + numpy + ":MDNExperts", "--torch", F + port + ":" + cls,
            "--data", F + "mdn.npz", "--as-written", "--init", "net = MDNExperts()",
            "--param", "params['Wg']=gate.weight.T",
            "--param", "params['bg']=gate.bias",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=W2",
            "--param", "params['b2']=b2",
            "--state", "square_avg=net.sq", *RUN]


def mdn_loop():
    return [F + "mdn_loop_numpy.py:MDNLoop", "--torch", F + "mdn_torch.py:MDN",
            "--data", F + "mdn.npz", "--as-written", "--init", "net = MDNLoop()",
            "--param", "Wg=gate.weight",
            "--param", "bg=gate.bias",
            "--param", "W1=W1",
            "--param", "b1=b1",
            "--param", "W2=W2",
            "--param", "b2=b2",
            "--state", "square_avg=net.sq", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UT01", "side": "port", "args": moe(port="01_gatedim_port.py"),
     "mechanism": "gate softmax taken with dim=0 (over the batch) instead of dim=1 (over the "
                  "experts); the shapes still fit",
     "expected": ("softmax", "dim", "axis", "gate", "batch")},
    {"id": "UT02", "side": "port", "args": moe(port="02_adambetas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment and its bias correction differ",
     "expected": ("beta", "betas", "beta2", "second moment", "exp_avg_sq")},
    {"id": "UT03", "side": "port", "args": moe(port="03_msebroadcast_port.py"),
     "mechanism": "forward returns the prediction with shape (N,) (sum without keepdim) and "
                  "F.mse_loss against y of shape (N, 1) broadcasts to an (N, N) difference",
     "expected": ("broadcast", "shape", "(n, n)", "keepdim", "squeeze")},
    {"id": "UT04", "side": "port", "args": moe(port="04_nozerograd_port.py"),
     "mechanism": "train_step never calls optimizer.zero_grad(): every gradient accumulates "
                  "the previous steps' gradients from step 2 on",
     "expected": ("zero_grad", "accumulat", "previous step", "sum of gradients")},
    {"id": "UT05", "side": "port", "args": mdn(port="05_logvarstd_port.py"),
     "mechanism": "Normal(mu, exp(log_var)): the exponentiated log-variance used as the standard "
                  "deviation instead of exp(0.5 * log_var)",
     "expected": ("variance", "standard deviation", "std", "log_var", "scale")},
    {"id": "UT06", "side": "port", "args": mdn(port="06_expectedll_port.py"),
     "mechanism": "mixture loss written as -sum_k pi_k log N_k (expected log-density) instead of "
                  "-log sum_k pi_k N_k (logsumexp of log pi + log N)",
     "expected": ("logsumexp", "mixture", "loss", "log-likelihood", "jensen")},
    {"id": "UT07", "side": "port", "args": mdn(port="07_headswap_port.py"),
     "mechanism": "expert output columns read swapped: column 1 as the mean and column 0 as the "
                  "log-variance (NumPy: 0 the mean, 1 the log-variance)",
     "expected": ("swap", "index", "column", "mean", "log-variance")},
    {"id": "UT08", "side": "port", "args": mdn(port="08_halfsq_port.py"),
     "mechanism": "Gaussian log-density with (y - mu)^2 exp(-s) instead of 0.5 (y - mu)^2 exp(-s): "
                  "the factor 1/2 of the squared term left out",
     "expected": ("0.5", "factor", "half", "constant", "squared")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UT09", "side": "numpy", "args": moe(numpy="09_tanhtwice_numpy.py"),
     "mechanism": "expert tanh backward as 1 - tanh(h)^2 of the already-activated h (tanh applied "
                  "twice) instead of 1 - h^2",
     "expected": ("tanh", "derivative", "activated", "twice", "activation")},
    {"id": "UT10", "side": "numpy", "args": moe(numpy="10_softmaxgrad_numpy.py"),
     "mechanism": "gate softmax backward as pi * dpi, the - pi * sum_j pi_j dpi_j term of the "
                  "Jacobian left out: the gate gradient (Wg, bg) is wrong",
     "expected": ("softmax", "jacobian", "gate", "missing term", "sum")},
    {"id": "UT11", "side": "numpy", "args": moe(numpy="11_epsinside_numpy.py"),
     "mechanism": "Adam update with eps inside the square root, m_hat / sqrt(v_hat + eps), "
                  "instead of m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "square root", "sqrt", "denominator")},
    {"id": "UT12", "side": "numpy", "args": moe(numpy="12_expertgate_numpy.py"),
     "mechanism": "each expert's output gradient taken as dyhat, without the gate weight pi_k: "
                  "every expert parameter's gradient misses its factor pi_k",
     "expected": ("gate", "weight", "pi", "expert", "missing factor")},
    {"id": "UT13", "side": "numpy", "args": mdn(numpy="13_rmsnodecay_numpy.py"),
     "mechanism": "RMSprop running square sq = alpha sq + g^2, the (1 - alpha) factor on g^2 "
                  "left out",
     "expected": ("rmsprop", "square_avg", "1 - alpha", "alpha", "running average")},
    {"id": "UT14", "side": "numpy", "args": mdn(numpy="14_respaxis_numpy.py"),
     "mechanism": "responsibilities in the backward normalised over axis 0 (the batch) instead of "
                  "over the experts (axis 1); the forward loss is right",
     "expected": ("axis", "responsibilit", "softmax", "normalis", "normaliz")},
    {"id": "UT15", "side": "numpy", "args": mdn(numpy="15_relumask_numpy.py"),
     "mechanism": "ReLU backward masked with h >= 0 on the activated h, always true: the gradient "
                  "passes through inactive units",
     "expected": ("relu", "mask", "derivative", ">= 0", "inactive")},
    {"id": "UT16", "side": "numpy", "args": mdn(numpy="16_gatetranspose_numpy.py"),
     "mechanism": "gate weight gradient computed as dz.T @ X ((E, D)) for Wg kept (D, E); D = E = 3 "
                  "so the transposed gradient fits",
     "expected": ("transpose", "layout", "wg", "gate", "orientation")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UT17", "side": "correct", "args": moe_alt(),
     "mechanism": "correct: experts as objects with weights kept (out, in), gate softmax backward "
                  "through the full Jacobian (einsum), Adam in place with torch's bias-correction "
                  "arrangement",
     "expected": ()},
    {"id": "UT18", "side": "correct", "args": mdn(port="mdn_dist_torch.py", cls="MDNDist"),
     "mechanism": "correct: port through torch.distributions (MixtureSameFamily of Normals, "
                  "Categorical gate logits), experts by torch.bmm",
     "expected": ()},
    {"id": "UT19", "side": "correct", "args": mdn_loop(),
     "mechanism": "correct: NumPy MDN as a loop over experts, gate kept (E, D), gate gradient "
                  "(pi - resp) / N, RMSprop in place",
     "expected": ()},
]
