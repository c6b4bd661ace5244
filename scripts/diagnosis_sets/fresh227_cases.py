"""Held-out diagnosis set fresh227: zero-inflated and hurdle count regression heads.

Theme: count regression heads on a small MLP over tabular features, the loss the mean
negative log-likelihood over the batch.

Base pair A (zip_numpy.py / zip_torch.py, class ZIPNet, data zip.npz: X (48, 5), y (48,)
counts with 29 zeros): a zero-inflated Poisson head. h = tanh(X W1 + b1) with 8 hidden units,
two linear heads from h: the gate logit z (pi = sigmoid(z), the probability of a structural
zero) and the log-rate eta (lambda = exp(eta)). A zero's log-likelihood is
log(pi + (1 - pi) exp(-lambda)), a log-sum-exp written by hand over log pi = -softplus(-z)
and log(1 - pi) - lambda; a positive count's is log(1 - pi) + y eta - lambda - lgamma(y + 1).
Hand-written backward; Adam (lr 0.01, betas (0.9, 0.999), eps 1e-8) with bias correction.
Parameters W1 (5, 8), b1 (8,), Wg (8, 1), bg (1,), Wr (8, 1), br (1,) in net.params,
against fc1, gate, rate (nn.Linear).

Base pair B (hurdle_numpy.py / hurdle_torch.py, class HurdleNet, data hurdle.npz: X (40, 4),
y (40,) counts with 17 zeros): a hurdle model. h = relu(X W1 + b1) with 6 hidden units, one
linear layer to two columns: the hurdle logit z (p = sigmoid(z) = P(y > 0)) and eta
(lambda = softplus(eta)). A zero's log-likelihood is log(1 - p); a positive count's, masked by
y > 0, is log p plus the zero-truncated Poisson
y log lambda - lambda - lgamma(y + 1) - log(1 - exp(-lambda)). Hand-written backward; SGD with
Nesterov momentum (lr 0.05, momentum 0.9). Parameters W1 (4, 6), b1 (6,), W2 (6, 2), b2 (2,)
as attributes, against fc1 and out (nn.Linear).

Written without reading the kit's diagnosis rules, findings or measurements, nor any other
set; validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the
same arguments; each base pair and each correct variant exits 0).

Data: scripts/diagnosis_sets/fresh227/make_data.py (fixed seeds) writes zip.npz and hurdle.npz.
"""

F = "scripts/diagnosis_sets/fresh227/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def base_a(numpy="zip_numpy.py", port="zip_torch.py", numpy_class="ZIPNet",
           torch_class="ZIPNet", transposed=False):
    t = "" if transposed else ".T"
    return [F + numpy + ":" + numpy_class, "--torch", F + port + ":" + torch_class,
            "--data", F + "zip.npz", "--as-written",
            "--param", "params['W1']=fc1.weight" + t,
            "--param", "params['b1']=fc1.bias",
            "--param", "params['Wg']=gate.weight" + t,
            "--param", "params['bg']=gate.bias",
            "--param", "params['Wr']=rate.weight" + t,
            "--param", "params['br']=rate.bias"] + RUN


def base_b(numpy="hurdle_numpy.py", port="hurdle_torch.py", numpy_class="HurdleNet",
           torch_class="HurdleNet", params=None):
    if params is None:
        params = ["W1=fc1.weight.T", "b1=fc1.bias", "W2=out.weight.T", "b2=out.bias"]
    args = [F + numpy + ":" + numpy_class, "--torch", F + port + ":" + torch_class,
            "--data", F + "hurdle.npz", "--as-written"]
    for p in params:
        args += ["--param", p]
    return args + RUN


CASES = [
    {"id": "WS01", "side": "port", "args": base_a(port="01_gate_sign_port.py"),
     "mechanism": "log pi written -softplus(z) instead of -softplus(-z): the zero branch's gate "
                  "term uses log(1 - pi) for log pi (sign of the gate logit flipped) in the "
                  "hand-written log-sum-exp",
     "expected": ("softplus", "sign", "gate", "log_pi", "logit")},
    {"id": "WS02", "side": "port", "args": base_a(port="02_adam_beta2_port.py"),
     "mechanism": "torch.optim.Adam given betas=(0.9, 0.99) where the NumPy Adam uses beta2 = "
                  "0.999: the second-moment average and its bias correction differ from step 2",
     "expected": ("beta2", "betas", "adam", "second moment", "exp_avg_sq")},
    {"id": "WS03", "side": "port", "args": base_a(port="03_head_broadcast_port.py"),
     "mechanism": "the gate and rate heads return (n, 1) without squeeze(-1); against y of shape "
                  "(n,) the likelihood broadcasts to (n, n) and the mean runs over n*n pairs",
     "expected": ("broadcast", "squeeze", "shape", "(n, 1)", "mean")},
    {"id": "WS04", "side": "port", "args": base_a(port="04_where_swapped_port.py"),
     "mechanism": "torch.where(y > 0, ll0, llp) instead of torch.where(y == 0, ll0, llp): the "
                  "zero-count and positive-count log-likelihoods applied to the wrong rows",
     "expected": ("where", "mask", "zero", "positive", "swapped")},
    {"id": "WS05", "side": "port", "args": base_b(port="05_no_nesterov_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9) without nesterov=True: heavy-ball momentum "
                  "instead of the NumPy program's Nesterov look-ahead step g + mu * v",
     "expected": ("nesterov", "momentum", "sgd", "velocity", "look-ahead")},
    {"id": "WS06", "side": "port", "args": base_b(port="06_masked_mean_port.py"),
     "mechanism": "the positive rows' truncated-Poisson log-likelihood averaged over the number "
                  "of positives (ll_pos[pos].mean()) instead of summed and divided by all n rows",
     "expected": ("mean", "mask", "positive", "normalisation", "count", "n")},
    {"id": "WS07", "side": "port", "args": base_b(port="07_no_truncation_port.py"),
     "mechanism": "the zero-truncation normaliser - log(1 - exp(-lambda)) left out of the "
                  "positive counts' log-likelihood: a plain Poisson instead of a zero-truncated one",
     "expected": ("truncation", "zero-truncated", "log(1 - exp(-lambda))", "expm1", "normaliser")},
    {"id": "WS08", "side": "port", "args": base_b(port="08_bce_count_target_port.py"),
     "mechanism": "binary_cross_entropy_with_logits(z, y) given the counts y as the target "
                  "instead of the indicator (y > 0).float(): the hurdle term of rows with y >= 2 "
                  "gains an extra -(y - 1) z",
     "expected": ("target", "indicator", "y > 0", "binary_cross_entropy_with_logits", "bce")},
    {"id": "WS09", "side": "numpy", "args": base_a(numpy="09_zero_rate_share_numpy.py"),
     "mechanism": "d ll0 / d eta for a zero written -lambda instead of -r_b * lambda: the "
                  "Poisson-zero branch's share exp(b - ll0) of the log-sum-exp dropped from the "
                  "rate gradient (backward only)",
     "expected": ("eta", "rate", "zero", "logsumexp", "share", "br")},
    {"id": "WS10", "side": "numpy", "args": base_a(numpy="10_rate_chain_numpy.py"),
     "mechanism": "d llp / d eta for positive counts written y / lambda - 1 (the derivative in "
                  "lambda) instead of y - lambda: the chain factor d lambda / d eta = lambda "
                  "(exp) missing",
     "expected": ("chain", "lambda", "exp", "eta", "rate")},
    {"id": "WS11", "side": "numpy", "args": base_a(numpy="11_adam_vhat_beta1_numpy.py"),
     "mechanism": "Adam's second-moment bias correction divides by 1 - beta1**t instead of "
                  "1 - beta2**t",
     "expected": ("bias correction", "beta2", "beta1", "second moment", "adam")},
    {"id": "WS12", "side": "numpy", "args": base_a(numpy="12_tanh_derivative_numpy.py"),
     "mechanism": "tanh derivative in the hidden layer's backward written (1 - h) instead of "
                  "(1 - h**2)",
     "expected": ("tanh", "derivative", "hidden", "1 - h**2", "w1")},
    {"id": "WS13", "side": "numpy", "args": base_b(numpy="13_truncation_grad_numpy.py"),
     "mechanism": "the zero-truncation term's derivative left out of the backward: "
                  "d ll / d lambda = y / lambda - 1 instead of y / lambda - 1 / (1 - exp(-lambda)), "
                  "while the loss keeps the term",
     "expected": ("truncation", "zero-truncated", "lambda", "backward", "1 - exp(-lambda)")},
    {"id": "WS14", "side": "numpy", "args": base_b(numpy="14_softplus_chain_numpy.py"),
     "mechanism": "the softplus chain factor d lambda / d eta = sigmoid(eta) dropped from the "
                  "rate column's gradient",
     "expected": ("softplus", "sigmoid", "chain", "eta", "rate")},
    {"id": "WS15", "side": "numpy", "args": base_b(numpy="15_nesterov_order_numpy.py"),
     "mechanism": "Nesterov step taken with the velocity before it is updated "
                  "(p -= lr * (g + mu * v_old), then v = mu * v + g) instead of after",
     "expected": ("nesterov", "momentum", "velocity", "buffer", "order")},
    {"id": "WS16", "side": "numpy", "args": base_b(numpy="16_b2_mean_numpy.py"),
     "mechanism": "output bias gradient db2 = dout.mean(axis=0) instead of dout.sum(axis=0): "
                  "the 1/n of the mean loss applied twice to b2",
     "expected": ("b2", "bias", "mean", "sum", "batch")},
    {"id": "WS17", "side": "correct",
     "args": base_a(numpy="17_transposed_logaddexp_numpy.py",
                    numpy_class="ZeroInflatedPoissonMLP", transposed=True),
     "mechanism": "weights kept (out, in) as torch keeps them (paired without .T), the zero "
                  "likelihood through np.logaddexp, the gate gradient as posterior - pi, Adam "
                  "in the step-size form lr / (1 - beta1**t) with sqrt(v) / sqrt(1 - beta2**t) "
                  "+ eps, as torch computes it: the same math",
     "expected": ()},
    {"id": "WS18", "side": "correct",
     "args": base_b(port="18_bce_log1p_port.py", torch_class="HurdleCountModel"),
     "mechanism": "another class name; the hurdle part as binary_cross_entropy_with_logits on "
                  "the indicator, summed; the truncation as log1p(-exp(-lambda)); the mean as a "
                  "sum over n; returns a 0-d tensor: the same loss",
     "expected": ()},
    {"id": "WS19", "side": "correct",
     "args": base_b(numpy="19_rowbias_expm1_numpy.py", numpy_class="TwoPartCountNet",
                    params=["weights['W1']=fc1.weight.T", "weights['b1']=fc1.bias.reshape(1,6)",
                            "weights['W2']=out.weight.T", "weights['b2']=out.bias.reshape(1,2)"]),
     "mechanism": "biases kept as rows (1, h) in a dict named weights, softplus derivative as "
                  "1 - exp(-lambda) (equal to sigmoid(eta)), logaddexp for softplus, another class "
                  "name: the same math",
     "expected": ()},
]
