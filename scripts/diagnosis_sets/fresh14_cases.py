"""Fourteenth fresh held-out set for the diagnosis: one planted bug per program in fresh14/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. The bugs lean towards the
arithmetic of the network as people write it by hand: activations and their constants, layer
wiring and biases, stable log-domain forms, derivatives and the chain rule, the loss and its
gradient, operator precedence, with a few optimizer slips. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh14_cases

Each case:
    id          short name (prefixed W)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh12/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh14/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="W01_gelu_for_relu", side="port",
         args=port("01_gelu_for_relu.py", "Net", "--data", "random:40,5",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="the port's two hidden layers use nn.GELU, z * Phi(z) (the Gaussian error linear unit, kept "
                   "from a transformer MLP block), where the NumPy network's hidden layers use ReLU max(z, 0)",
         expected=("gelu", "gaussian error", "error linear unit", "phi(z)", "φ(z)", "z * phi", "erf(",
                   "gaussian cdf", "normal cdf", "transformer", "smooth relu", "instead of relu", "not relu",
                   "not a relu", "not the relu")),
    dict(id="W02_logsumexp_max_not_added_back", side="port",
         args=port("02_logsumexp_max_not_added_back.py", "Net", "--data", "random:42,5,3", "--batch-size", "14",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="hand-written cross-entropy through a stable log-sum-exp forgets to add the row max back, "
                   "lse = log(sum(exp(z - m))) instead of m + log(sum(exp(z - m))); m (not detached) stays in the "
                   "graph, so each row's logit gradient gets an extra -1/n at its largest logit: "
                   "(p - onehot(argmax z) - y) / n instead of (p - y) / n",
         expected=("logsumexp", "log-sum-exp", "log sum exp", "add the max", "adds the max", "max back",
                   "add back", "added back", "missing max", "max is missing", "minus the max",
                   "row max", "row's max", "largest logit", "argmax", "max logit", "detach")),
    dict(id="W03_bce_logits_complement_label", side="port",
         args=port("03_bce_logits_complement_label.py", "Net", "--data", "random:36,6",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.3"),
         mechanism="hand-written BCE from the logit mixes its two forms, softplus(z) - (1 - y) z instead of "
                   "softplus(z) - y z: it is the BCE of the complemented labels 1 - y, every row trained towards "
                   "the other class (logit gradient sigmoid(z) - (1 - y) instead of sigmoid(z) - y)",
         expected=("(1 - y) * z", "(1 - y) z", "(1-y)*z", "(1-y) z", "labels 1 - y", "targets 1 - y",
                   "1 - y instead of y", "complement", "flipped label", "labels flipped", "inverted label",
                   "labels inverted", "swapped label", "labels swapped", "opposite class", "other class",
                   "wrong label", "y * z", "softplus(z) - y", "sigmoid(z) - (1 - y)", "p - (1 - y)",
                   "p + y - 1", "p - 1 + y")),
    dict(id="W04_categorical_ce_binary_form", side="port",
         args=port("04_categorical_ce_binary_form.py", "Net", "--data", "random:48,4,3", "--batch-size", "12",
                   "--hidden-activation", "sigmoid", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="the categorical cross-entropy is written from the binary formula summed over the 3 softmax "
                   "outputs, -sum_k [y_k log p_k + (1 - y_k) log(1 - p_k)]: the extra (1 - y_k) log(1 - p_k) terms "
                   "of the non-target classes are not part of -sum_k y_k log p_k",
         expected=("(1 - y", "(1-y", "log(1 - p", "log(1-p", "log (1 - p", "binary form", "binary formula",
                   "binary cross-entropy", "binary cross entropy", "extra term", "additional term", "non-target",
                   "other classes", "wrong classes", "summed over the classes")),
    dict(id="W05_half_mse_precedence", side="port",
         args=port("05_half_mse_precedence.py", "Net", "--data", "random:32,4,2", "--batch-size", "8",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--lr", "0.0001"),
         mechanism="half-MSE typed ((out - y) ** 2).sum() / 2 * out.numel(): by operator precedence (sum / 2) * numel "
                   "instead of sum / (2 * numel), so loss and gradients are numel^2 = 16^2 = 256 times the "
                   "half-MSE's (numel = 8 rows x 2 outputs)",
         expected=("precedence", "parenthes", "bracket", "/ 2 * ", "/2*", "(2 * ", "(2*", "instead of divid",
                   "times the number of elements", "numel", "256", "16^2", "16²", "16 ** 2", "n^2", "n²",
                   "n ** 2", "squared number", "factor 256", "256 times", "256x", "×256")),
    dict(id="W06_adam_second_moment_beta1_weight", side="port",
         args=port("06_adam_second_moment_beta1_weight.py", "Net", *OPT, "--data", "random:36,5",
                   "--hidden-activation", "tanh", "--loss", "bce-sum", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hand-written Adam (torch.optim.Optimizer subclass) updates the second moment with the first "
                   "moment's weight, v = beta2 v + (1 - beta1) g^2: 0.1 on the new squared gradient instead of "
                   "(1 - beta2) = 0.001, v 100 times too large on step 1 and the first step a tenth of Adam's",
         expected=("(1 - beta1) g^2", "(1 - beta1) g²", "(1 - β1) g^2", "(1 - β1) g²", "(1 - beta1) * g",
                   "(1-beta1)*g", "beta1 instead of beta2", "β1 instead of β2", "instead of (1 - beta2)",
                   "instead of (1 - β2)", "instead of 1 - beta2", "instead of 1 - β2", "second moment's weight",
                   "weight of the second moment", "0.1 g", "0.1g", "100 times", "100x", "×100", "factor 100",
                   "factor of 100", "a tenth", "one tenth", "1/10", "0.1 times", "10 times smaller", "sqrt(100)",
                   "copy-paste", "copied from the first")),
    dict(id="W07_sigmoid_half_angle_lost", side="port",
         args=port("07_sigmoid_half_angle_lost.py", "Net", "--data", "random:40,6",
                   "--hidden-activation", "sigmoid", "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's sigmoid helper is the half-angle identity with the / 2 dropped, 0.5 * tanh(z) + 0.5 "
                   "= sigmoid(2z) instead of 0.5 * tanh(z / 2) + 0.5 = sigmoid(z), in both hidden layers and at "
                   "the output",
         expected=("half-angle", "half angle", "tanh(z / 2)", "tanh(z/2)", "z / 2", "z/2", "0.5 * tanh",
                   "0.5*tanh", "sigmoid(2z)", "sigmoid(2 z)", "sigmoid(2 * z)", "sigmoid(2*z)", "σ(2z)", "σ(2 z)",
                   "2z", "twice as steep", "steeper", "doubled pre-activation", "pre-activation doubled",
                   "factor 2 inside")),
    dict(id="W08_abs_relu_missing_half", side="port",
         args=port("08_abs_relu_missing_half.py", "Net", "--data", "random:36,5",
                   "--hidden-activation", "relu", "--loss", "bce-sum", "--optimizer", "ema-momentum",
                   "--momentum", "0.9", "--lr", "0.05"),
         mechanism="branch-free ReLU (z + |z|) / 2 written without the / 2: the hidden layer computes z + |z| = "
                   "2 max(z, 0), twice the ReLU, its derivative 2 instead of 1 for active units",
         expected=("|z|", "z + |z|", "(z + |z|) / 2", "missing half", "half missing", "twice the relu", "2 relu",
                   "2 * relu", "2relu", "2 max", "2*max", "relu doubled", "doubled relu", "activations doubled",
                   "factor 2", "factor of 2", "slope 2", "derivative 2")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="W09_pre_activation_fed_forward", side="numpy",
         args=numpy_net("09_pre_activation_fed_forward.py", "TanhLogistic", "--step", "net.train_step(X, y)",
                        "--data", "random:36,6", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="variable slip in the forward pass: the output layer is fed the hidden pre-activation z1 instead "
                   "of a1 = tanh(z1) (the hidden layer acts as linear), while the backward pass uses a1 for W2's "
                   "gradient and 1 - a1^2 for the hidden delta",
         expected=("pre-activation", "preactivation", "pre activation", "z1", "before the activation",
                   "before the tanh", "instead of a1", "instead of the activation", "activation skipped",
                   "skips the activation", "without the activation", "without the tanh", "tanh is skipped",
                   "tanh missing", "missing tanh", "linear hidden", "hidden layer is linear", "as linear",
                   "variable slip", "wrong variable")),
    dict(id="W10_scalar_bias_index", side="numpy",
         args=numpy_net("10_scalar_bias_index.py", "ReluRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:40,6", "--batch-size", "10", "--hidden-activation", "relu",
                        "--output-activation", "linear", "--loss", "mse", "--lr", "0.1"),
         mechanism="forward adds self.b1[0], an index left from a (1, h) bias now flat (h,): every hidden unit adds "
                   "the first unit's bias (a scalar broadcast), while backward and the update train all h entries of b1",
         expected=("b1[0]", "first element", "first entry", "first unit", "first bias", "scalar bias",
                   "single bias", "one bias", "same bias", "shared bias", "(1, h)", "every hidden unit adds",
                   "all hidden units add")),
    dict(id="W11_tanh_derivative_plus_sign", side="numpy",
         args=numpy_net("11_tanh_derivative_plus_sign.py", "DeepTanh", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "half-sse", "--lr", "0.01"),
         mechanism="tanh derivative helper with a sign typo, 1 + a^2 instead of 1 - a^2, in both hidden layers: each "
                   "hidden delta multiplied by a factor in [1, 2] instead of (0, 1]",
         expected=("1 + a^2", "1 + a**2", "1 + a ** 2", "1+a^2", "1+a**2", "1 + tanh", "1+tanh", "1 + h^2",
                   "1 + h**2", "1 + h ** 2", "plus sign", "sign typo", "+ instead of -", "instead of 1 - a",
                   "1 - a^2", "1 - a**2", "1 - tanh", "tanh derivative", "derivative of tanh", "tanh's derivative")),
    dict(id="W12_tanh_via_sigmoid_chain_factor", side="numpy",
         args=numpy_net("12_tanh_via_sigmoid_chain_factor.py", "SigmoidTanhNet", "--step", "net.train_step(X, y)",
                        "--data", "random:45,4,3", "--batch-size", "15", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="tanh computed as 2 sigmoid(2z) - 1 with its derivative written 2 s (1 - s) instead of 4 s (1 - s) "
                   "(s = sigmoid(2z)): the inner chain-rule factor 2 of 2z lost, the hidden delta and W1's and b1's "
                   "gradients half what they should be",
         expected=("chain rule", "chain-rule", "inner derivative", "inner factor", "2z", "2 z", "sigmoid(2",
                   "σ(2", "4 s", "4s", "4 * s", "2 s (1 - s)", "2s(1-s)", "factor 2", "factor of 2", "factor 0.5",
                   "factor of 0.5", "halved", "0.5 times", "2 times smaller", "twice smaller", "tanh derivative",
                   "derivative of tanh")),
    dict(id="W13_activation_loop_off_by_one", side="numpy",
         args=numpy_net("13_activation_loop_off_by_one.py", "ListRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:36,4,2", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "mse", "--lr", "0.1"),
         mechanism="the forward loop applies tanh while i < len(self.W) (off by one; len(self.W) - 1 meant), so the "
                   "output layer gets a tanh too, prediction tanh(z3), while backward treats the output as linear "
                   "(no 1 - out^2 factor in the output delta)",
         expected=("off-by-one", "off by one", "len(self.w) - 1", "len(w) - 1", "loop bound", "range(",
                   "tanh on the output", "tanh at the output", "tanh(z3)", "output is tanh", "output through tanh",
                   "output layer's tanh", "tanh output", "output should be linear", "activation applied to the output",
                   "extra tanh", "extra activation", "1 - out^2", "1 - out**2", "output derivative",
                   "derivative of the output")),
    dict(id="W14_bce_logit_grad_sign", side="numpy",
         args=numpy_net("14_bce_logit_grad_sign.py", "LogDomainNet", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5", "--hidden-activation", "sigmoid", "--loss", "bce-sum",
                        "--lr", "0.05"),
         mechanism="the log-domain BCE gradient helper computes exp(-logaddexp(0, z)) = sigmoid(-z) = 1 - p where "
                   "sigmoid(z) = exp(-logaddexp(0, -z)) is meant: the output delta is (1 - p) - y instead of p - y "
                   "(the forward pass, through the other helper, is right)",
         expected=("logaddexp", "sigmoid(-z)", "σ(-z)", "(1 - p) - y", "1 - p - y", "1 - p instead of p",
                   "sign of z", "sign of the logit", "mirrored", "complement", "gradient helper")),
    dict(id="W15_heavy_ball_mu_factored", side="numpy",
         args=numpy_net("15_heavy_ball_mu_factored.py", "MomentumSSE", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "sigmoid", "--loss", "sse",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="heavy-ball velocity factored as v = mu * (v + g) instead of mu v + g: the new gradient is scaled "
                   "by mu too, every velocity and step 0.9 times the heavy-ball one (the first step 0.9 lr g)",
         expected=("mu * (v + g)", "μ (v + g)", "mu (v + g)", "μ(v + g)", "(v + g)", "parenthes", "factored",
                   "0.9 times", "0.9x", "×0.9", "factor 0.9", "factor of 0.9", "0.9 lr", "scaled by mu",
                   "scaled by μ", "multiplied by mu", "multiplied by μ", "mu g", "μ g", "0.9 g",
                   "learning rate 0.09", "lr 0.09")),
    dict(id="W16_nesterov_lookahead_without_mu", side="numpy",
         args=numpy_net("16_nesterov_lookahead_without_mu.py", "NesterovSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5,4", "--batch-size", "10", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="Nesterov in torch's form with the look-ahead's mu dropped, W -= lr (g + v) instead of "
                   "lr (g + mu v): the first step moves 2 lr g instead of 1.9 lr g, later steps 2 g + mu v_prev "
                   "instead of (1 + mu) g + mu^2 v_prev",
         expected=("look-ahead", "lookahead", "look ahead", "g + v", "g + mu v", "g + μ v", "g + mu * v",
                   "missing mu", "mu missing", "without mu", "missing μ", "without μ", "momentum factor",
                   "2 lr g", "1.9 lr", "1.9 g", "(1 + mu)", "1 + mu", "1 + μ", "nesterov term")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="W17_correct_port_gaussian_nll_unit_variance", side="correct",
         args=port("correct_01_port_gaussian_nll_unit_variance.py", "Net", "--data", "random:40,5,2",
                   "--batch-size", "10", "--hidden-activation", "relu", "--output-activation", "linear",
                   "--loss", "half-mse", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: layers in an nn.ModuleList zipped with a tuple of activation functions, ReLU as "
                   "torch.clamp_min(z, 0), and the loss F.gaussian_nll_loss(out, y, ones) with unit variance, which "
                   "is half the mean squared error; the kit's momentum", expected=()),
    dict(id="W18_correct_out_in_logaddexp_reduce_adam", side="correct",
         args=numpy_net("correct_02_out_in_logaddexp_reduce_adam.py", "OutInSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5,3", "--batch-size", "12", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "adam",
                        "--lr", "0.01"),
         mechanism="NumPy: (out, in) weights with samples as rows (X @ W.T), log-softmax through "
                   "np.logaddexp.reduce, tanh derivative 1 / cosh(z)^2, Adam with its bias corrections folded into "
                   "the step size (Kingma-Ba form) and epsilon scaled by sqrt(1 - beta2^t) to match torch",
         expected=()),
    dict(id="W19_correct_port_xlogy_heavy_ball_as_ema", side="correct",
         args=port("correct_03_port_xlogy_heavy_ball_as_ema.py", "Net", *OPT, "--data", "random:40,6",
                   "--hidden-activation", "sigmoid", "--loss", "bce", "--optimizer", "ema-momentum",
                   "--momentum", "0.9", "--lr", "0.5"),
         mechanism="port: EMA momentum (v = beta v + (1 - beta) g from zero) as torch's heavy ball at a scaled rate, "
                   "SGD(momentum=0.9, lr=lr * 0.1), whose buffer is v / (1 - beta) at every step; BCE written with "
                   "torch.xlogy; nn.Sequential ending in nn.Sigmoid", expected=()),
]
