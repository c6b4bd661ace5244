"""fresh230: sparsemax written by hand (Martins & Astudillo 2016).

Theme: sparsemax as an attention pooling over a sequence of feature vectors
(scores from a learned query, sparse weights, a weighted sum) and as an output
layer with the sparsemax loss (gradient -y + sparsemax(z)); forward by sorting
and a threshold tau, backward through the support (the Jacobian
diag(s) - s s^T / |S|). The ports write sparsemax with torch ops (sort, cumsum,
gather, clamp) and autograd, or as an autograd.Function.

Base pair A (a_numpy.py:SparseAttnClassifier / a_torch.py:SparseAttnClassifier,
data a.npz): a sequence classifier. X (24, 20) = 24 sequences of T=5 steps of
D=4 features, y in {0, 1, 2}. H = tanh(x_t W1 + b1) (hidden 6) per step,
scores s = H q with a learned query q (6,), a = sparsemax(s) over the steps,
c = sum_t a_t H_t, logits = c W2 + b2 (3 classes); softmax cross-entropy
averaged over the batch; Adam (lr 0.05, betas 0.9/0.999, eps 1e-8). The NumPy
backward goes through the support: ds = S * (da - sum_S da / |S|). The port
writes sparsemax with torch.sort/cumsum/gather/clamp and lets autograd
differentiate it; F.cross_entropy; torch.optim.Adam.

Base pair B (b_numpy.py:SparsemaxMLP / b_torch.py:SparsemaxMLP, data b.npz):
a multi-class classifier. X (30, 5), y in {0..3}; h = tanh(X W1 + b1)
(hidden 8), z = h W2 + b2 (4 classes); the sparsemax loss
-z_y + 1/2 sum_S (z_j^2 - tau^2) + 1/2 averaged over the batch, gradient
(-onehot + sparsemax(z)) / N; SGD with momentum (lr 0.1, momentum 0.9, torch's
form v = mu v + g). The port's loss is a torch.autograd.Function whose backward
returns grad_output * (sparsemax(z) - onehot); torch.optim.SGD(momentum=0.9).

Data: make_data.py (seed 230) writes a.npz and b.npz. Both programs are
deterministic; each NumPy program seeds its own initial parameters.

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set; validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh230/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

A_PARAMS = {
    "params['W1']": "fc1.weight.T",
    "params['b1']": "fc1.bias",
    "params['q']": "query",
    "params['W2']": "fc2.weight.T",
    "params['b2']": "fc2.bias",
}
B_PARAMS = {
    "params['W1']": "fc1.weight.T",
    "params['b1']": "fc1.bias",
    "params['W2']": "fc2.weight.T",
    "params['b2']": "fc2.bias",
}


def _args(numpy, cls, port, tcls, data, params):
    args = [F + numpy + ":" + cls, "--torch", F + port + ":" + tcls,
            "--data", F + data, "--as-written"]
    for expr, name in params.items():
        args += ["--param", f"{expr}={name}"]
    return args + RUN


def base_a(numpy="a_numpy.py", port="a_torch.py", cls="SparseAttnClassifier",
           tcls="SparseAttnClassifier", params=None):
    return _args(numpy, cls, port, tcls, "a.npz", A_PARAMS if params is None else params)


def base_b(numpy="b_numpy.py", port="b_torch.py", cls="SparsemaxMLP",
           tcls="SparsemaxMLP", params=None):
    return _args(numpy, cls, port, tcls, "b.npz", B_PARAMS if params is None else params)


CASES = [
    # ---- PyTorch-port bugs, checked against the correct NumPy program
    {"id": "WV01", "side": "port", "args": base_a(port="01_noclamp_port.py"),
     "mechanism": "the port's sparsemax returns z - tau without torch.clamp(min=0): the attention "
                  "weights are the projection onto the hyperplane sum=1, negative weights kept, no sparsity",
     "expected": ("clamp", "sparsemax", "negative", "attention", "forward")},
    {"id": "WV02", "side": "port", "args": base_a(port="02_batchdim_port.py"),
     "mechanism": "the port calls sparsemax(scores, dim=0): the attention weights are normalised over "
                  "the batch axis instead of over the sequence steps (dim=-1)",
     "expected": ("dim", "axis", "sparsemax", "batch", "sequence")},
    {"id": "WV03", "side": "port", "args": base_a(port="03_adamw_port.py"),
     "mechanism": "the port uses torch.optim.AdamW instead of Adam, whose default weight_decay=0.01 "
                  "shrinks every parameter by lr*0.01 each step (decoupled weight decay)",
     "expected": ("adamw", "weight_decay", "weight decay", "decoupled")},
    {"id": "WV04", "side": "port", "args": base_a(port="04_detachtau_port.py"),
     "mechanism": "the port detaches the sparsemax threshold tau, so autograd's Jacobian is diag(S) "
                  "without the -S S^T/|S| term: the query q and W1/b1 gradients through the scores are wrong",
     "expected": ("detach", "tau", "threshold", "jacobian", "gradient")},
    {"id": "WV05", "side": "port", "args": base_b(port="05_unsortedcumsum_port.py"),
     "mechanism": "the port's sparsemax takes the cumulative sum of the unsorted scores z instead of the "
                  "sorted zs: the support test 1 + k z_(k) > cumsum, the support size and tau are wrong, so "
                  "the loss and the gradient -onehot + sparsemax(z) are wrong",
     "expected": ("cumsum", "sorted", "support", "tau", "threshold")},
    {"id": "WV06", "side": "port", "args": base_b(port="06_sign_port.py"),
     "mechanism": "the autograd.Function backward returns grad_output * (onehot - p) instead of (p - onehot): "
                  "the sparsemax-loss gradient has the wrong sign, the model climbs the loss",
     "expected": ("sign", "backward", "autograd.function", "onehot", "sparsemax")},
    {"id": "WV07", "side": "port", "args": base_b(port="07_nogradout_port.py"),
     "mechanism": "the autograd.Function backward returns p - onehot without multiplying by grad_output: "
                  "the 1/N of the batch mean is dropped, every gradient is N=30 times too large",
     "expected": ("grad_output", "backward", "mean", "batch", "scale")},
    {"id": "WV08", "side": "port", "args": base_b(port="08_nesterov_port.py"),
     "mechanism": "the port's torch.optim.SGD has nesterov=True: the step is g + mu*v instead of the "
                  "plain momentum buffer v",
     "expected": ("nesterov", "momentum", "sgd", "optimizer")},
    # ---- NumPy bugs, checked against the correct port
    {"id": "WV09", "side": "numpy", "args": base_a(numpy="09_novhat_numpy.py"),
     "mechanism": "the NumPy sparsemax backward returns S * da, forgetting to subtract the support mean "
                  "sum_S da / |S| (the -S S^T/|S| term of the Jacobian): q, W1, b1 gradients wrong",
     "expected": ("sparsemax", "jacobian", "support", "mean", "backward")},
    {"id": "WV10", "side": "numpy", "args": base_a(numpy="10_adamv_numpy.py"),
     "mechanism": "the NumPy Adam divides by sqrt(v) + eps without the second-moment bias correction "
                  "1 - beta2^t: the early updates are far too large",
     "expected": ("bias correction", "adam", "beta2", "exp_avg_sq", "second moment")},
    {"id": "WV11", "side": "numpy", "args": base_a(numpy="11_noscorepath_numpy.py"),
     "mechanism": "the NumPy backward drops dH += ds * q, the path from the attention scores s = H q back "
                  "into the hidden states: W1 and b1 gradients miss a term (q's gradient is right)",
     "expected": ("missing", "term", "scores", "w1", "chain rule")},
    {"id": "WV12", "side": "numpy", "args": base_a(numpy="12_tanhpre_numpy.py"),
     "mechanism": "the NumPy backward takes the tanh derivative as 1 - pre**2 of the pre-activation "
                  "instead of 1 - tanh(pre)**2: W1 and b1 gradients wrong",
     "expected": ("tanh", "derivative", "pre-activation", "activation", "w1")},
    {"id": "WV13", "side": "numpy", "args": base_b(numpy="13_emamom_numpy.py"),
     "mechanism": "the NumPy momentum is v = mu v + (1 - mu) g (an EMA, dampening) instead of torch's "
                  "v = mu v + g: every step is 10x smaller at first",
     "expected": ("momentum", "dampening", "velocity", "ema", "1 - mu")},
    {"id": "WV14", "side": "numpy", "args": base_b(numpy="14_prew2_numpy.py"),
     "mechanism": "the NumPy backward computes dW2 = pre.T @ dz with the pre-activation of the hidden "
                  "layer instead of its tanh output h: W2's gradient wrong, the rest right",
     "expected": ("w2", "pre-activation", "activation", "tanh", "gradient")},
    {"id": "WV15", "side": "numpy", "args": base_b(numpy="15_b2mean_numpy.py"),
     "mechanism": "the NumPy backward takes db2 = dz.mean(axis=0) though dz is already divided by N: "
                  "b2's gradient is N=30 times too small (double normalisation)",
     "expected": ("b2", "mean", "sum", "bias", "batch size")},
    {"id": "WV16", "side": "numpy", "args": base_b(numpy="16_ascsort_numpy.py"),
     "mechanism": "the NumPy sparsemax sorts z ascending (np.sort without [::-1]): the support test and "
                  "tau are computed from the smallest scores, so the sparsemax, the loss and -y + sparsemax(z) are wrong",
     "expected": ("sort", "descending", "ascending", "sparsemax", "tau")},
    # ---- correct variants
    {"id": "WV17", "side": "correct",
     "args": base_a(numpy="17_transposed_numpy.py",
                    params={**A_PARAMS, "params['W1']": "fc1.weight", "params['W2']": "fc2.weight"}),
     "mechanism": "the NumPy program keeps W1 (6, 4) and W2 (3, 6) as (out, in), computing x @ W.T and "
                  "grads dpre.T @ x: the same math in nn.Linear's layout, paired without .T",
     "expected": ()},
    {"id": "WV18", "side": "correct", "args": base_b(port="18_autograd_port.py"),
     "mechanism": "the port writes the sparsemax loss with torch ops and lets autograd differentiate it, "
                  "tau included, instead of an autograd.Function: d tau/dz_j = 1/|S| on the support gives "
                  "exactly -onehot + sparsemax(z)",
     "expected": ()},
    {"id": "WV19", "side": "correct", "args": base_a(numpy="19_jacobian_numpy.py", cls="SparsemaxAttentionNet"),
     "mechanism": "the NumPy backward builds the per-row sparsemax Jacobian diag(S) - S S^T/|S| as a "
                  "(N, T, T) matrix and multiplies by einsum, under another class name: the same product "
                  "as S * (da - mean_S da)",
     "expected": ()},
]
