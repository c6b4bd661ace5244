"""One hundred and seventy-seventh fresh held-out set for the diagnosis: one planted bug per
program in fresh177/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy
programs (checked against the correct port), and 3 correct variants. The theme is knowledge
distillation: a small student MLP classifier trained on a fixed teacher's logits (given as
data) with a temperature-softened KL divergence KL(softmax(t/T) || softmax(s/T)), scaled by
T^2 and averaged over the batch, plus a hard-label cross-entropy, weighted alpha / (1 - alpha),
written out by hand in NumPy with its backward (d/ds = alpha T (q - p) / N + (1 - alpha)
(softmax(s) - onehot) / N).

The base programs (data from fresh177/make_data.py, fixed seed, nothing random while training;
y[:, 0] holds the hard label as a float, y[:, 1:] the teacher's logits):

    kd_numpy.py:KDStudent / kd_torch.py:KDStudent, kd_a.npz X (48, 10), y (48, 1 + 5)
        dense 10->32, ReLU, dense 32->5 (NumPy: params dict, W kept (in, out)); T = 4,
        alpha = 0.7; the port uses F.kl_div(log_softmax(s/T), log_softmax(t/T),
        reduction='batchmean', log_target=True) * T^2 and F.cross_entropy.
        SGD lr 0.05 momentum 0.9 (v = mu v + g; p -= lr v), as torch.optim.SGD.
    distil_numpy.py:DistilledMLP / distil_torch.py:DistilledMLP, kd_b.npz X (40, 12), y (40, 1 + 4)
        dense 12->24, tanh, dense 24->4 (NumPy: attributes W1, b1, W2, b2 in torch's (out, in)
        layout); T = 2, alpha = 0.6; the port writes its own loss
        (sum p (log p - log q), mean over rows, * T^2, plus nll_loss of log_softmax).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh177_cases

Each case:
    id          short name (prefixed UU)
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

F = "scripts/diagnosis_sets/fresh177/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def kd(numpy="kd_numpy.py", port="kd_torch.py"):
    return [F + numpy + ":KDStudent", "--torch", F + port + ":KDStudent",
            "--data", F + "kd_a.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def distil(numpy="distil_numpy.py", port="distil_torch.py"):
    return [F + numpy + ":DistilledMLP", "--torch", F + port + ":DistilledMLP",
            "--data", F + "kd_b.npz", "--as-written",
            "--param", "W1=hidden.weight",
            "--param", "b1=hidden.bias",
            "--param", "W2=out.weight",
            "--param", "b2=out.bias", *RUN]


def kd_layers():
    return [F + "kd_alt_numpy.py:KDStudentLayers", "--torch", F + "kd_torch.py:KDStudent",
            "--data", F + "kd_a.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias", *RUN]


def kd_sequential():
    return [F + "kd_numpy.py:KDStudent", "--torch", F + "kd_alt_torch.py:Student",
            "--data", F + "kd_a.npz", "--as-written",
            "--param", "params['W1']=net.0.weight.T",
            "--param", "params['b1']=net.0.bias",
            "--param", "params['W2']=net.2.weight.T",
            "--param", "params['b2']=net.2.bias", *RUN]


def distil_folded():
    return [F + "distil_alt_numpy.py:DistilledMLPAlt", "--torch", F + "distil_torch.py:DistilledMLP",
            "--data", F + "kd_b.npz", "--as-written",
            "--param", "params['w_in']=hidden.weight.T",
            "--param", "params['b_in']=hidden.bias",
            "--param", "params['w_out']=out.weight.T",
            "--param", "params['b_out']=out.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UU01", "side": "port", "args": kd(port="01_klmean_port.py"),
     "mechanism": "F.kl_div left at its default reduction='mean' (divides by N * C elements) "
                  "instead of 'batchmean' (divides by N): the KL term, and its gradient, 5 times too small",
     "expected": ("batchmean", "reduction", "mean", "number of classes", "elements")},
    {"id": "UU02", "side": "port", "args": kd(port="02_tsquared_port.py"),
     "mechanism": "the KL term scaled by T instead of T ** 2 (T = 4): the soft loss and its gradient "
                  "4 times too small",
     "expected": ("temperature", "t^2", "t**2", "squared", "scale")},
    {"id": "UU03", "side": "port", "args": kd(port="03_teacherT_port.py"),
     "mechanism": "the teacher's logits not divided by the temperature: the target distribution is "
                  "softmax(t) instead of softmax(t / T) while the student is softened",
     "expected": ("temperature", "teacher", "soft target", "soften", "target")},
    {"id": "UU04", "side": "port", "args": distil(port="04_studentT_port.py"),
     "mechanism": "the student's log-probabilities in the KL term taken as log_softmax(s) without "
                  "dividing the student logits by T (the teacher is softened)",
     "expected": ("temperature", "student", "soften", "log_softmax", "logits / t")},
    {"id": "UU05", "side": "port", "args": kd(port="05_alphaswap_port.py"),
     "mechanism": "the weights swapped: (1 - alpha) * soft + alpha * hard instead of "
                  "alpha * soft + (1 - alpha) * hard (alpha = 0.7)",
     "expected": ("alpha", "weight", "swapped", "hard", "soft")},
    {"id": "UU06", "side": "port", "args": distil(port="06_betas_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment averages differently (identical at step 1, apart from step 2)",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.999")},
    {"id": "UU07", "side": "port", "args": distil(port="07_softmaxdim_port.py"),
     "mechanism": "the teacher's soft targets computed with log_softmax over dim=0 (across the "
                  "batch) instead of the class dim",
     "expected": ("dim", "axis", "softmax", "teacher", "batch")},
    {"id": "UU08", "side": "port", "args": distil(port="08_detach_port.py"),
     "mechanism": "the student logits detached before the softened log_softmax "
                  "(student.detach() / T): the KL term sends no gradient, only the hard "
                  "cross-entropy trains the student",
     "expected": ("detach", "no gradient", "missing gradient", "kl", "soft")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UU09", "side": "numpy", "args": kd(numpy="09_kdgradT_numpy.py"),
     "mechanism": "KL gradient w.r.t. the student logits written T^2 (q - p) / N, the 1/T of the "
                  "chain rule through s / T left out (should be T (q - p) / N): soft gradient 4x too large",
     "expected": ("temperature", "chain rule", "1/t", "kl gradient", "factor")},
    {"id": "UU10", "side": "numpy", "args": kd(numpy="10_hardweight_numpy.py"),
     "mechanism": "the hard cross-entropy gradient (softmax(s) - onehot) / N added without its "
                  "(1 - alpha) weight, though the loss weights it",
     "expected": ("alpha", "weight", "cross-entropy", "hard", "1 - alpha")},
    {"id": "UU11", "side": "numpy", "args": kd(numpy="11_emamomentum_numpy.py"),
     "mechanism": "momentum written as an exponential average v = mu v + (1 - mu) g (dampening) "
                  "instead of torch's v = mu v + g: updates 10 times smaller at the start",
     "expected": ("momentum", "dampening", "1 - mu", "velocity", "exponential")},
    {"id": "UU12", "side": "numpy", "args": distil(numpy="12_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative computed as 1 - tanh(a)^2 on the already-activated a = tanh(z) "
                  "(tanh applied twice) instead of 1 - a^2",
     "expected": ("tanh", "derivative", "activation", "twice", "activated")},
    {"id": "UU13", "side": "numpy", "args": distil(numpy="13_adamstep_numpy.py"),
     "mechanism": "Adam step counter initialised to 1 and incremented before use, so the bias "
                  "corrections use t + 1 (1 - beta^(t+1)): off by one",
     "expected": ("bias correction", "step count", "off by one", "bias-correct", "t + 1")},
    {"id": "UU14", "side": "numpy", "args": distil(numpy="14_epssqrt_numpy.py"),
     "mechanism": "Adam eps placed inside the square root, sqrt(v_hat + eps), instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root", "denominator")},
    {"id": "UU15", "side": "numpy", "args": kd(numpy="15_maxaxis_numpy.py"),
     "mechanism": "the log_softmax helper subtracts the max over axis 0 (per class, across the "
                  "batch) instead of axis 1 before normalising over classes: every softmax "
                  "(teacher, softened student, hard) is wrong",
     "expected": ("axis", "max", "softmax", "log_softmax", "stable")},
    {"id": "UU16", "side": "numpy", "args": kd(numpy="16_preact_numpy.py"),
     "mechanism": "output-layer weight gradient taken from the pre-activation z1 instead of "
                  "relu(z1) (dW2 = z1.T @ ds): wrong wherever z1 < 0",
     "expected": ("relu", "pre-activation", "activation", "w2", "preactivation")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UU17", "side": "correct", "args": kd_layers(),
     "mechanism": "correct: NumPy student as a list of layer dicts, W kept (out, in), einsum, "
                  "log-sum-exp log-softmax, one folded logit gradient, in-place momentum",
     "expected": ()},
    {"id": "UU18", "side": "correct", "args": kd_sequential(),
     "mechanism": "correct: nn.Sequential port, F.kl_div on probabilities (log_target False) "
                  "summed and divided by N, nll_loss of log_softmax, zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "UU19", "side": "correct", "args": distil_folded(),
     "mechanism": "correct: NumPy Adam in the folded form lr_t = lr sqrt(1-b2^t)/(1-b1^t), "
                  "eps * sqrt(1-b2^t); params dict with W kept (in, out)",
     "expected": ()},
]
