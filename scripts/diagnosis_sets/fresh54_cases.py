"""Fifty-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh54/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and seven NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is networks with constrained outputs or weights written by hand:
a rating bounded to [A, B] by A + (B - A) sigmoid(z), a monotone network whose weights are
exp(V) (or softplus(V)) of free parameters, a positive amount through softplus plus a floor,
class probabilities as softmax(z / T) with a temperature, a soft cap C tanh(z / C), a Poisson
rate exp(z) capped at RMAX, and bounded sigmoid units with their own autograd.Function.
fresh54/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh54_cases

Each case:
    id          short name (prefixed QB)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and fresh/ .. fresh52/. Each buggy program was checked to fail
(exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh54/"
port, numpy_net = in_folder(F)

RATINGS, MONOTONE, POSITIVE = F + "ratings.npz", F + "monotone.npz", F + "positive.npz"
BLOBS, BOUNDED, COUNTS = F + "blobs.npz", F + "bounded.npz", F + "counts.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FC = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")
MONO = params("V1=V1", "b1=b1", "V2=V2", "b2=b2")
BODY = params("params['W1']=body.0.weight.T", "params['b1']=body.0.bias", "params['W2']=body.2.weight.T",
              "params['b2']=body.2.bias")
CAP = params("W1=hidden.weight.T", "b1=hidden.bias", "W2=head.weight.T", "b2=head.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QB01_rating_scale", side="port",
         args=pair("02_rating_scale_numpy.py", "RatingNet", "02_rating_scale_torch.py", "RatingNet",
                   "--data", RATINGS, *FC),
         mechanism="pair: the port's bounded output is written A + B * sigmoid(z), the upper bound B used as the "
                   "range's width, instead of A + (B - A) * sigmoid(z): with [A, B] = [1, 5] the output lies in "
                   "(1, 6) instead of (1, 5), scaled by 5 instead of 4 (the output and every gradient off by the "
                   "width factor B / (B - A) = 1.25 plus the shifted residual)",
         expected=("width", "b - a", "(b - a)", "upper bound", "range", "scale", "scaled sigmoid", "bounded output",
                   "a + b * sigmoid", "a + (b - a)", "1.25", "5 instead of 4", "bound", "rescal", "interval",
                   "sigmoid")),
    dict(id="QB02_monotone_port", side="port",
         args=pair("04_monotone_port_numpy.py", "MonotoneNet", "04_monotone_port_torch.py", "MonotoneNet",
                   "--data", MONOTONE, *MONO),
         mechanism="pair: the port's output-layer weights are F.softplus(V2) where the NumPy program's are "
                   "exp(V2): the positivity map differs, log(1 + e^v) instead of e^v (0.31 against 0.37 at v = -1), "
                   "so the output and V2's gradient (sigmoid(V2) instead of exp(V2) as the chain factor) differ; "
                   "the first layer's exp(V1) is right",
         expected=("softplus", "exp", "exponential", "positive weights", "positivity", "monotone",
                   "reparametri", "parametrization", "log(1 + exp", "sigmoid(v", "exp(v", "v2", "output layer",
                   "weight transform", "constraint")),
    dict(id="QB03_amount_port", side="port",
         args=pair("06_amount_port_numpy.py", "AmountNet", "06_amount_port_torch.py", "AmountNet",
                   "--data", POSITIVE, *BODY),
         mechanism="pair: the positivity floor is put inside the softplus, F.softplus(z + FLOOR), instead of added "
                   "after it, F.softplus(z) + FLOOR (FLOOR = 0.1): the output is shifted on the logit scale, "
                   "by 0.1 sigmoid(z) roughly, instead of by 0.1, no floor at all for very negative z, and the "
                   "head's derivative is sigmoid(z + 0.1) instead of sigmoid(z)",
         expected=("floor", "inside the softplus", "inside softplus", "softplus(z + ", "softplus(z) +", "offset",
                   "shift", "parenthes", "misplaced", "minimum", "positive output", "0.1", "sigmoid(z + 0.1)",
                   "added after", "eps")),
    dict(id="QB04_capped_port", side="port",
         args=pair("08_capped_port_numpy.py", "CappedNet", "08_capped_port_torch.py", "CappedNet",
                   "--data", BOUNDED, *CAP),
         mechanism="pair: the port's soft cap C tanh(z / C) (C = 3) is written F.hardtanh(z, -C, C), the hard "
                   "clip to [-3, 3]: the identity inside the cap (slope 1 instead of 1 - tanh^2(z / 3)) and flat "
                   "with zero gradient outside, so the output and every gradient differ wherever z is not near 0",
         expected=("hardtanh", "hard tanh", "hard clip", "clamp", "clip", "soft cap", "softcap", "c * tanh",
                   "tanh(z / c)", "piecewise linear", "identity", "zero gradient", "saturat", "1 - tanh",
                   "scaled tanh")),
    dict(id="QB05_count_port", side="port",
         args=pair("10_count_port_numpy.py", "CountNet", "10_count_port_torch.py", "CountNet",
                   "--data", COUNTS, *FC),
         mechanism="pair: the port caps the log-rate instead of the rate, torch.exp(z.clamp(max=RMAX)) where "
                   "torch.exp(z).clamp(max=RMAX) is meant (RMAX = 6): the rate is capped at e^6 = 403 instead of 6 "
                   "(the cap on the log scale should be log 6 = 1.79), so rows with 1.79 < z < 6 keep their "
                   "exponential rate and their gradient rate - y where the NumPy program holds them at 6 with no "
                   "gradient",
         expected=("clamp", "clip", "cap", "log-rate", "log rate", "log scale", "log(rmax)", "log 6", "rmax",
                   "e^6", "exp(z.clamp", "maximum", "rate", "poisson", "before the exp", "inside the exp")),
    dict(id="QB06_tempered_port", side="port",
         args=pair("11_tempered_port_numpy.py", "TemperedNet", "11_tempered_port_torch.py", "TemperedNet",
                   "--data", BLOBS, *FC),
         mechanism="pair: the temperature is applied twice, once in forward (z / T) and again in the loss, "
                   "F.cross_entropy(logits / T, y): the port trains softmax(z / T^2) = softmax(z / 4) instead of "
                   "softmax(z / 2), flatter probabilities, and the score gradient is (softmax(z / 4) - y) / (4 n) "
                   "instead of (softmax(z / 2) - y) / (2 n)",
         expected=("temperature", "twice", "double", "applied twice", "t^2", "t ** 2", "t squared", "z / 4",
                   "logits / t", "divided twice", "cross_entropy", "flatter", "softer", "softmax(z / t",
                   "scaled logits")),
    dict(id="QB07_bounded_port", side="port",
         args=port("13_bounded_port.py", "Net", "--data", "xor", "--loss", "mse", "--lr", "2.0"),
         mechanism="the port's bounded output is typed LO + HI - LO * sigmoid(z) without the parentheses around "
                   "(HI - LO): by precedence it is (LO + HI) - LO sigmoid(z), with [LO, HI] = [0, 1] the constant 1: "
                   "the output never depends on the network, so no parameter gets a gradient and nothing trains",
         expected=("parenthes", "precedence", "hi - lo", "(hi - lo)", "width", "constant", "always 1",
                   "constant output", "no gradient", "zero gradient", "never moves", "bounded output", "lo + hi",
                   "operator", "sigmoid")),
    dict(id="QB08_bounded_function_port", side="port",
         args=port("14_bounded_function_port.py", "Net", "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's custom autograd.Function for the bounded sigmoid LO + (HI - LO) / (1 + exp(-z)) "
                   "writes its backward as (HI - LO) e / (1 + e), e = exp(-z), the square of the denominator "
                   "dropped: that is 1 - sigmoid(z) instead of sigmoid(z)(1 - sigmoid(z)), so the output's "
                   "derivative is too large by 1 / sigmoid(z) (the forward is right)",
         expected=("autograd.function", "custom backward", "backward", "derivative", "square", "squared",
                   "(1 + e) ** 2", "(1 + exp(-z))^2", "denominator", "1 - sigmoid", "sigmoid(-z)",
                   "sigmoid(z) * (1 - sigmoid(z))", "s(1 - s)", "p(1 - p)", "quotient rule", "bounded sigmoid")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QB09_rating_net", side="numpy",
         args=pair("01_rating_net_numpy.py", "RatingNet", "01_rating_net_torch.py", "RatingNet",
                   "--data", RATINGS, *FC),
         mechanism="pair: the derivative of the bounded output A + (B - A) sigmoid(z) leaves out the width: "
                   "dz = dout * s (1 - s) instead of dout * (B - A) * s (1 - s), so with [A, B] = [1, 5] every "
                   "gradient is (B - A) = 4 times too small (the forward and the loss are right)",
         expected=("width", "b - a", "(b - a)", "factor 4", "factor of 4", "4 times", "quarter", "1/4", "0.25",
                   "chain rule", "scale", "bounded output", "range", "derivative", "s * (1 - s)", "too small")),
    dict(id="QB10_monotone_net", side="numpy",
         args=pair("03_monotone_net_numpy.py", "MonotoneNet", "03_monotone_net_torch.py", "MonotoneNet",
                   "--data", MONOTONE, *MONO),
         mechanism="pair: the first layer's weights are W1 = exp(V1) in the forward pass, but V1's gradient is "
                   "taken as if the weight were V1 itself, dV1 = X^T dz instead of (X^T dz) * exp(V1): the chain "
                   "factor dW/dV = exp(V1) is dropped, elementwise (about 0.37 at V = -1, so V1's gradient is ~2.7 "
                   "times too large); V2's is right",
         expected=("exp(v", "exp(v1)", "chain rule", "chain factor", "reparametri", "positive weights", "monotone",
                   "as if the weight were", "dw/dv", "exp", "exponential", "elementwise", "missing factor",
                   "v1", "log-weight", "log weight")),
    dict(id="QB11_amount_net", side="numpy",
         args=pair("05_amount_net_numpy.py", "AmountNet", "05_amount_net_torch.py", "AmountNet",
                   "--data", POSITIVE, *BODY),
         mechanism="pair: the softplus head's derivative is written exp(z) instead of sigmoid(z) = 1 / (1 + exp(-z)): "
                   "the derivative of log(1 + exp(z)) without the 1 + exp(z) denominator, too large by 1 + exp(z) "
                   "(about twice near z = 0, far more for positive z), in every gradient",
         expected=("softplus", "derivative", "exp(z)", "sigmoid", "1 / (1 + exp(-z))", "denominator",
                   "log(1 + exp", "logaddexp", "chain rule", "1 + exp(z)", "too large", "positive output",
                   "derivative of softplus", "softplus derivative")),
    dict(id="QB12_capped_net", side="numpy",
         args=pair("07_capped_net_numpy.py", "CappedNet", "07_capped_net_torch.py", "CappedNet",
                   "--data", BOUNDED, *CAP),
         mechanism="pair: the derivative of the soft cap C tanh(z / C) (C = 3) is written C (1 - tanh^2(z / C)), "
                   "the inner 1 / C of the chain rule lost (the right derivative is 1 - tanh^2(z / C)): every "
                   "gradient is C = 3 times too large (the forward is right)",
         expected=("1 / c", "1/c", "chain rule", "inner derivative", "factor 3", "factor of 3", "3 times",
                   "c * (1 -", "tanh(z / c)", "soft cap", "softcap", "scaled tanh", "c * tanh", "too large",
                   "derivative")),
    dict(id="QB13_count_net", side="numpy",
         args=pair("09_count_net_numpy.py", "CountNet", "09_count_net_torch.py", "CountNet",
                   "--data", COUNTS, *FC),
         mechanism="pair: the cap on the Poisson rate is left out of the value, rate = exp(z) instead of "
                   "np.minimum(exp(z), RMAX), while the gradient is still masked where exp(z) >= RMAX = 6: the "
                   "clip acts on the gradient only, so the loss uses rates above 6 and those rows get no gradient "
                   "where the port (clamp) keeps them at 6",
         expected=("clip", "cap", "clamp", "np.minimum", "rmax", "maximum", "mask", "gradient only",
                   "value not clipped", "unclipped", "rate", "poisson", "exp(z)", "forward", "not applied")),
    dict(id="QB14_tempered_net", side="numpy",
         args=pair("12_tempered_net_numpy.py", "TemperedNet", "12_tempered_net_torch.py", "TemperedNet",
                   "--data", BLOBS, *FC),
         mechanism="pair: the gradient of the cross-entropy of softmax(z / T) multiplies by the temperature, "
                   "(p - y) * T / n, instead of dividing by it, (p - y) / (n T) (T = 2): every gradient is "
                   "T^2 = 4 times too large (the forward and the loss are right)",
         expected=("temperature", "1 / t", "1/t", "divide", "multipl", "t^2", "t ** 2", "t squared", "factor 4",
                   "factor of 4", "4 times", "chain rule", "softmax(z / t", "inverted", "too large")),
    dict(id="QB15_clipped_net", side="numpy",
         args=numpy_net("15_clipped_net.py", "ClippedNet", "--init", "ClippedNet()", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--loss", "bce", "--lr", "0.5"),
         mechanism="the probability clip [EPS, 1 - EPS] meant for the value is applied to the output delta, "
                   "np.clip(p - y, EPS, 1 - EPS) / n instead of (p - y) / n: every negative error (the rows with "
                   "y = 1) becomes EPS = 1e-7, so those rows stop pushing their outputs up and only the y = 0 rows "
                   "train",
         expected=("clip", "np.clip", "eps", "delta", "gradient", "p - y", "negative", "1e-7", "instead of the value",
                   "probability", "clipped gradient", "y = 1", "positive rows", "sign", "lower bound")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QBC1_soft_monotone", side="correct",
         args=pair("correct_01_soft_monotone_numpy.py", "SoftMonotoneNet", "correct_01_soft_monotone_torch.py",
                   "SoftMonotoneNet", "--data", MONOTONE,
                   *params("layers[0][0]=fc1.parametrizations.weight.original.T", "layers[0][1]=fc1.bias",
                           "layers[1][0]=fc2.parametrizations.weight.original.T", "layers[1][1]=fc2.bias")),
         mechanism="pair: a monotone network with softplus-positive weights, NumPy through np.logaddexp with the "
                   "chain factor sigmoid(V) as 1 - exp(-softplus(V)), (V, b) pairs in a list, Nesterov in torch's "
                   "form in place; against nn.Linear weights re-parametrised with torch.nn.utils.parametrize and "
                   "SGD(nesterov=True)", expected=()),
    dict(id="QBC2_logdomain_port", side="correct",
         args=port("correct_02_logdomain_port.py", "Net", "--data", "xor", "--loss", "mse", "--lr", "2.0"),
         mechanism="port: sigmoid hidden and output units written exp(-softplus(-z)), the MSE typed with "
                   "torch.square, layers in an nn.ModuleDict; the kit's NumPy network", expected=()),
    dict(id="QBC3_bounded_softmax_net", side="correct",
         args=numpy_net("correct_03_bounded_softmax_net.py", "BoundedSoftmaxNet", "--init", "BoundedSoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:36,4,3", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.3"),
         mechanism="NumPy: tanh hidden units as the bounded sigmoid -1 + 2 sigmoid(2 z) with derivative "
                   "4 s (1 - s), log-softmax by np.logaddexp.reduce, mean cross-entropy; against the kit's twin",
         expected=()),
]
