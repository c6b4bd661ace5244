"""Held-out diagnosis set fresh228: domain-adversarial training (DANN) with a gradient reversal layer.

Theme: a feature extractor MLP, a label head trained on the source rows only (the
source mask is the last column of X; the domain label is 1 - mask) and a domain
classifier head on all rows behind a gradient reversal layer that multiplies the
gradient by -lambda on the way back. The loss is label loss + domain BCE.

Base pair A, classifier (dann_cls_numpy.py:DANNClassifier / dann_cls_torch.py:DANNClassifier,
data dann_cls.npz: X (32, 5) = 4 features + mask, y (32,) int64 in {0, 1, 2}):
    h = tanh(x W1 + b1) 4->6; label head s = h Wc + bc 6->3, softmax cross-entropy,
    mean over the source rows; domain head behind the reversal: tanh(h Wd1 + bd1) 6->4,
    z = a Wd2 + bd2 4->1, sigmoid BCE mean over all rows; lambda follows
    2 / (1 + exp(-10 p)) - 1 with p = step / 20 (step counted from 1); SGD lr 0.1,
    momentum 0.9 (torch convention v = mu v + g). The port reverses with a
    torch.autograd.Function and uses F.cross_entropy / F.binary_cross_entropy_with_logits.
Base pair B, regressor (dann_reg_numpy.py:DANNRegressor / dann_reg_torch.py:DANNRegressor,
data dann_reg.npz: X (36, 4) = 3 features + mask, y (36, 1) float):
    f = tanh(x W1 + b1) 3->5; regression head f Wr + br 5->1, squared error averaged
    over the source rows; domain head behind the reversal: relu(f Wd1 + bd1) 5->5,
    sigmoid(q Wd2 + bd2) 5->1, BCE mean over all rows; fixed lambda 0.3; Adam lr 0.01,
    betas (0.9, 0.999), eps 1e-8. The port reverses with the detach trick
    r = f.detach() + (-lambda) * (f - f.detach()) and uses sigmoid + F.binary_cross_entropy.
Data from fresh228/make_data.py (seed 228). Every run: 20 steps, float32, cpu, --as-written,
every parameter paired by --param.

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set; validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh228/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

_NAMES_A = [("W1", "fc1"), ("b1", "fc1"), ("Wc", "cls"), ("bc", "cls"),
            ("Wd1", "dom1"), ("bd1", "dom1"), ("Wd2", "dom2"), ("bd2", "dom2")]
_NAMES_B = [("W1", "fc1"), ("b1", "fc1"), ("Wr", "reg"), ("br", "reg"),
            ("Wd1", "dom1"), ("bd1", "dom1"), ("Wd2", "dom2"), ("bd2", "dom2")]


def _params(names, layout, attributes):
    args = []
    for name, layer in names:
        expr = name if attributes else f"params['{name}']"
        if name.startswith("b"):
            target = f"{layer}.bias"
        else:
            target = f"{layer}.weight{layout}"
        args += ["--param", f"{expr}={target}"]
    return args


def base_a(numpy="dann_cls_numpy.py", port="dann_cls_torch.py", cls="DANNClassifier",
           torch_cls="DANNClassifier", layout=".T"):
    """Pair A, the DANN classifier with the scheduled lambda and SGD momentum."""
    return ([F + numpy + ":" + cls, "--torch", F + port + ":" + torch_cls,
             "--data", F + "dann_cls.npz", "--as-written"]
            + _params(_NAMES_A, layout, attributes=False) + RUN)


def base_b(numpy="dann_reg_numpy.py", port="dann_reg_torch.py", cls="DANNRegressor",
           torch_cls="DANNRegressor", layout=".T", attributes=False):
    """Pair B, the DANN regressor with the fixed lambda and Adam."""
    return ([F + numpy + ":" + cls, "--torch", F + port + ":" + torch_cls,
             "--data", F + "dann_reg.npz", "--as-written"]
            + _params(_NAMES_B, layout, attributes) + RUN)


CASES = [
    # ---------------------------------------------------------------- port bugs
    {"id": "WT01", "side": "port", "args": base_a(port="01_grl_sign_port.py"),
     "mechanism": "GradReverse.backward returns +lambda * grad_output instead of -lambda * grad_output: "
                  "the reversal's sign is lost, so the domain gradient reaches fc1 (W1, b1) with the wrong sign",
     "expected": ("gradient reversal", "sign", "lambda", "backward", "w1")},
    {"id": "WT02", "side": "port", "args": base_a(port="02_ce_mask_port.py"),
     "mechanism": "F.cross_entropy(logits, y) over all rows instead of logits[src], y[src]: the source mask is "
                  "left out of the label loss, so target rows (their labels) enter the loss and the label head's gradient",
     "expected": ("mask", "source", "cross_entropy", "rows", "label")},
    {"id": "WT03", "side": "port", "args": base_a(port="03_schedule_step_port.py"),
     "mechanism": "the port computes the GRL lambda before incrementing model.step, so its schedule "
                  "2/(1+exp(-10p))-1 runs one step behind (p = (step-1)/20; lambda 0 at step 1); only the reversed "
                  "domain gradient into W1, b1 is affected",
     "expected": ("lambda", "schedule", "step", "off by one", "w1")},
    {"id": "WT04", "side": "port", "args": base_a(port="04_no_momentum_port.py"),
     "mechanism": "make_optimizer builds torch.optim.SGD(lr=0.1) without momentum=0.9: plain SGD against "
                  "the NumPy momentum (velocity) update",
     "expected": ("momentum", "sgd", "velocity", "momentum_buffer")},
    {"id": "WT05", "side": "port", "args": base_b(port="05_detach_trick_port.py"),
     "mechanism": "the detach trick has the detach on the wrong term: r = f + (-lambda) * (f.detach() - f) "
                  "has value f but gradient 1 + lambda instead of -lambda, so the domain gradient into fc1 is not reversed",
     "expected": ("detach", "gradient reversal", "lambda", "sign", "w1")},
    {"id": "WT06", "side": "port", "args": base_b(port="06_mse_broadcast_port.py"),
     "mechanism": "the masked MSE uses yhat.squeeze(1) - y with y of shape (N, 1): the difference broadcasts to "
                  "(N, N), every prediction against every target, so the regression loss and its gradients are wrong",
     "expected": ("broadcast", "squeeze", "shape", "mse", "(n, n)")},
    {"id": "WT07", "side": "port", "args": base_b(port="07_adamw_port.py"),
     "mechanism": "torch.optim.AdamW instead of torch.optim.Adam: AdamW's default weight_decay=0.01 adds a "
                  "decoupled decay lr * 0.01 * W to every parameter's update",
     "expected": ("adamw", "weight_decay", "weight decay", "decoupled")},
    {"id": "WT08", "side": "port", "args": base_b(port="08_bce_sum_port.py"),
     "mechanism": "the domain loss is F.binary_cross_entropy(p, d, reduction='sum') where the NumPy program "
                  "takes the mean over the N rows: the domain gradients (dom1, dom2 and the reversed part of fc1) are N times larger",
     "expected": ("reduction", "sum", "mean", "binary_cross_entropy", "domain")},
    # --------------------------------------------------------------- NumPy bugs
    {"id": "WT09", "side": "numpy", "args": base_a(numpy="09_grl_no_lambda_numpy.py"),
     "mechanism": "the hand-written reversal forgets lambda: dh = dh_lab - dh_dom instead of dh_lab - lam * dh_dom, "
                  "so the domain gradient enters the features times -1 instead of -lambda (W1, b1 only)",
     "expected": ("lambda", "gradient reversal", "factor", "w1", "b1")},
    {"id": "WT10", "side": "numpy", "args": base_a(numpy="10_dom_tanh_deriv_numpy.py"),
     "mechanism": "the domain head's hidden tanh derivative is taken of the already-activated values: "
                  "1 - tanh(a)**2 with a = tanh(pre) instead of 1 - a**2 (Wd1, bd1 and the reversed gradient into W1, b1)",
     "expected": ("tanh", "derivative", "activated", "wd1", "bd1")},
    {"id": "WT11", "side": "numpy", "args": base_a(numpy="11_ce_norm_numpy.py"),
     "mechanism": "the cross-entropy gradient is divided by N (all 32 rows) instead of the number of source rows (16) "
                  "while the loss divides by the source count: the label gradients (Wc, bc and the label part of W1, b1) are halved",
     "expected": ("normal", "source", "mask", "cross-entropy", "wc")},
    {"id": "WT12", "side": "numpy", "args": base_a(numpy="12_ema_momentum_numpy.py"),
     "mechanism": "the momentum update is an exponential moving average v = mu v + (1 - mu) g instead of torch's "
                  "v = mu v + g: the velocity (momentum_buffer) and every update are scaled by 1 - mu = 0.1 (dampening)",
     "expected": ("momentum", "dampening", "velocity", "1 - momentum", "momentum_buffer")},
    {"id": "WT13", "side": "numpy", "args": base_b(numpy="13_mse_factor_numpy.py"),
     "mechanism": "the derivative of the squared error drops the factor 2: dyhat = err / n_src instead of "
                  "2 * err / n_src (Wr, br and the regression part of W1, b1)",
     "expected": ("factor", "mse", "derivative", "squared error", "wr")},
    {"id": "WT14", "side": "numpy", "args": base_b(numpy="14_wd1_transposed_numpy.py"),
     "mechanism": "the square domain hidden weight's gradient is transposed: dWd1 = dzq.T @ f instead of f.T @ dzq "
                  "(same shape (5, 5), so it runs)",
     "expected": ("transpose", "wd1", "gradient", "dwd1")},
    {"id": "WT15", "side": "numpy", "args": base_b(numpy="15_adam_t_in_loop_numpy.py"),
     "mechanism": "Adam's step count self.t += 1 sits inside the loop over the parameters, so it advances 8 times "
                  "per step and each parameter's bias correction 1 - beta**t uses the wrong t",
     "expected": ("bias correction", "adam", "step count", "self.t", "beta")},
    {"id": "WT16", "side": "numpy", "args": base_b(numpy="16_bce_sigmoid_chain_numpy.py"),
     "mechanism": "the BCE gradient with respect to the probability is not multiplied by the sigmoid derivative "
                  "p (1 - p): dzp = dp instead of dp * p * (1 - p), a missing chain-rule factor at the domain output "
                  "(Wd2, bd2 and everything below)",
     "expected": ("sigmoid", "derivative", "chain rule", "bce", "wd2")},
    # ---------------------------------------------------------- correct variants
    {"id": "WT17", "side": "correct",
     "args": base_a(numpy="17_transposed_layout_numpy.py", cls="DANNNet", layout=""),
     "mechanism": "the classifier in NumPy with every weight kept (out, in) like nn.Linear (x @ W.T, dW = delta.T @ input), "
                  "the cross-entropy on the selected source rows instead of a weighted mask, the momentum update in place, "
                  "another class name; paired without .T; same math",
     "expected": ()},
    {"id": "WT18", "side": "correct", "args": base_b(port="18_function_logits_port.py"),
     "mechanism": "the regression port with the reversal as a torch.autograd.Function (clone forward, -lambda backward), "
                  "the domain loss F.binary_cross_entropy_with_logits on the logit instead of sigmoid + "
                  "F.binary_cross_entropy, F.mse_loss on the selected source rows, the loss returned as a 0-d tensor; same math",
     "expected": ()},
    {"id": "WT19", "side": "correct",
     "args": base_b(numpy="19_attributes_numpy.py", attributes=True),
     "mechanism": "the regression program with its parameters as attributes (self.W1, ...), the reversal's backward as "
                  "its own function, the BCE gradient written directly on the logit as (p - d) / N, the MSE on the "
                  "selected source rows, Adam with literal constants; same math",
     "expected": ()},
]
