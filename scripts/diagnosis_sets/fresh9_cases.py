"""Ninth fresh held-out set for the diagnosis: one planted bug per program in fresh9/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh9_cases

Each case:
    id          short name (prefixed R)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/, ..., fresh8/. Each buggy program was checked
to fail (exit 1) and its fix (the bug the only difference) to pass (exit 0) under the same
arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh9/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="R01_relu_clamp_max", side="port",
         args=port("01_relu_clamp_max.py", "Net", "--data", "random:40,5", "--batch-size", "10",
                   "--hidden-activation", "relu", "--loss", "bce", "--lr", "0.5"),
         mechanism="hidden ReLU written self.fc1(x).clamp(max=0) instead of clamp(min=0): the layer keeps the "
                   "negative part, min(z, 0) = -relu(-z), and zeroes the positive pre-activations",
         expected=("clamp(max=0)", "clamp(min=0)", "max=0", "min=0", "min(z, 0)", "min(z,0)", "minimum(z, 0)",
                   "-relu(-z)", "negative part", "keeps the negative", "keeps negative", "max instead of min",
                   "min and max", "max and min", "swapped min", "mirrored relu", "inverted relu", "relu typo",
                   "zeroes the positive", "positive pre-activations", "wrong argument")),
    dict(id="R02_silu_for_sigmoid", side="port",
         args=port("02_silu_for_sigmoid.py", "Net", "--data", "random:36,3",
                   "--hidden-activation", "sigmoid", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="the port's hidden blocks use nn.SiLU (the 'sigmoid linear unit', z * sigmoid(z), also called "
                   "swish) where the NumPy network's hidden layers are sigmoid: a name confusion, in both hidden "
                   "layers",
         expected=("silu", "swish", "sigmoid linear unit", "x * sigmoid", "z * sigmoid", "x·σ", "z·σ", "x σ(x)",
                   "z σ(z)", "x*sigmoid", "z*sigmoid", "times the input", "times its input",
                   "multiplied by its input", "nn.sigmoid()", "instead of the sigmoid", "instead of sigmoid",
                   "not the sigmoid", "name confusion")),
    dict(id="R03_ce_target_term_mean", side="port",
         args=port("03_ce_target_term_mean.py", "Net", "--data", "random:48,6,4", "--batch-size", "16",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written cross-entropy logsumexp(z, 1).mean() - (z * y).mean(): the target-logit term is "
                   "averaged over every element (rows x 4 classes) instead of summed over the classes and "
                   "averaged over the rows, so it is a quarter (1/K) of what it should be; the logsumexp term "
                   "is right",
         expected=("(z * y).mean", "(z*y).mean", "sum(1)", "sum(dim=1)", "sum over the classes",
                   "target term", "target-logit", "target logit", "logit of the target", "true-class term",
                   "true class term", "mean over all", "all elements", "every element", "rows and classes",
                   "rows × classes", "rows x classes", "n*k", "n x k", "number of classes", "divided by 4",
                   "divided by k", "factor 4", "factor of 4", "a quarter", "one quarter", "1/4", "0.25", "1/k")),
    dict(id="R04_bce_normalised_by_positives", side="port",
         args=port("04_bce_normalised_by_positives.py", "Net", "--data", "random:48,5", "--batch-size", "12",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="train_step copied from detection code sums the binary cross-entropy and divides by the "
                   "number of positive targets in the batch, y.sum(), instead of the number of rows: each batch's "
                   "gradients are scaled by rows / positives, a factor that changes from batch to batch",
         expected=("positives", "positive labels", "positive targets", "positive rows", "positive examples",
                   "number of positive", "num_pos", "y.sum()", "sum of the targets", "sum of y", "sum of the labels",
                   "instead of the batch size", "instead of the number of rows", "instead of n", "rows / positives",
                   "detection", "focal", "changes from batch to batch", "varies from batch", "varies per batch",
                   "per-batch factor", "batch-dependent")),
    dict(id="R05_accumulation_every_second_call", side="port",
         args=port("05_accumulation_every_second_call.py", "Net", "--data", "random:40,4", "--batch-size", "10",
                   "--hidden-activation", "relu", "--loss", "mse", "--lr", "0.5"),
         mechanism="train_step keeps gradient accumulation from a larger-model config (ACCUM_STEPS = 2): each "
                   "batch's loss is halved and optimizer.step() runs only on every second call, with the average "
                   "of two batches' gradients; the odd steps move nothing",
         expected=("accumulat", "accum_steps", "every second", "every other", "every 2", "each second",
                   "two batches", "2 batches", "two steps", "skips", "skipped", "even steps", "odd steps",
                   "only on even", "half the steps", "alternate", "no update on", "nothing on odd",
                   "averaged over two", "average of two", "halved")),
    dict(id="R06_backward_on_smoothed_loss", side="port",
         args=port("06_backward_on_smoothed_loss.py", "Net", "--data", "random:32,3",
                   "--hidden-activation", "tanh", "--loss", "bce-sum", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.01"),
         mechanism="train_step keeps a smoothed loss for logging, running = 0.9 * running.detach() + 0.1 * loss, "
                   "and calls backward() on it instead of on the loss: the first step is right, every later "
                   "gradient is 0.1 times the loss's",
         expected=("running", "smoothed", "smoothing", "moving average of the loss", "ema of the loss",
                   "averaged loss", "logging", "running_loss", "0.1 times", "0.1x", "× 0.1", "x 0.1", "a tenth",
                   "one tenth", "10%", "10 times smaller", "factor 10", "factor of 10", "from step 2",
                   "from the second step", "after the first step", "after step 1")),
    dict(id="R07_radam_for_adam", side="port",
         args=port("07_radam_for_adam.py", "Net", *OPT, "--data", "random:40,6",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="make_optimizer builds torch.optim.RAdam (rectified Adam) where the NumPy network runs Adam: "
                   "for the first steps (while the variance rectification term rho_t <= 5) RAdam makes "
                   "un-adapted bias-corrected momentum steps lr * m_hat, then rectified adaptive steps",
         expected=("radam", "rectified adam", "rectif", "variance rectification", "rho_t", "ρ", "rho",
                   "un-adapted", "unadapted", "without the adaptive", "without the second moment",
                   "sgd with momentum", "momentum steps", "warm-up", "warmup")),
    dict(id="R08_adam_grad_scaled_in_place", side="port",
         args=port("08_adam_grad_scaled_in_place.py", "Net", *OPT, "--data", "random:48,5,3",
                   "--batch-size", "12", "--hidden-activation", "sigmoid", "--output-activation", "softmax",
                   "--loss", "ce-sum", "--optimizer", "adam", "--lr", "0.002"),
         mechanism="hand-written Adam (a torch.optim.Optimizer subclass) updates the first moment with "
                   "m.mul_(beta1).add_(p.grad.mul_(1 - beta1)): the in-place mul_ scales p.grad itself, so the "
                   "second moment, computed next from p.grad, accumulates (1 - beta1)^2 g^2 = 0.01 g^2; the first "
                   "step is 10 times Adam's",
         expected=("in place", "in-place", "inplace", "mul_", "p.grad", "modifies the gradient",
                   "gradient is scaled", "scaled gradient", "overwrit", "(1 - beta1)^2", "(1 - beta1)**2",
                   "(1 - beta1) ** 2", "(1-beta1)^2", "(1 - β1)²", "(1-β1)²", "(1 - b1)^2", "0.01 g", "0.01 times",
                   "100 times", "10 times", "10x", "×10", "x10", "factor 10", "factor of 10")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="R09_tanh_typo_denominator", side="numpy",
         args=numpy_net("09_tanh_typo_denominator.py", "TanhNet", "--step", "net.train_step(X, y)",
                        "--data", "random:30,4", "--hidden-activation", "tanh", "--loss", "half-sse",
                        "--lr", "0.5"),
         mechanism="hand-written tanh (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(z)): the denominator's "
                   "second term lost its minus sign, so the hidden activation is (1 - exp(-2z)) / 2, not tanh(z); "
                   "the backward pass uses 1 - a^2 of that value",
         expected=("exp(z) + exp(z)", "exp(-z)", "e^-z", "e^{-z}", "e^(-z)", "denominator", "minus sign",
                   "hand-written tanh", "handwritten tanh", "tanh typo", "typo", "2 exp(z)", "2e^z", "2 e^z",
                   "1 - exp(-2z)", "1 - e^{-2z}", "1 - e^(-2z)", "not tanh", "isn't tanh", "is not tanh",
                   "wrong tanh", "tanh formula")),
    dict(id="R10_softmax_no_keepdims", side="numpy",
         args=numpy_net("10_softmax_no_keepdims.py", "Classifier", "--step", "net.step(X, y)",
                        "--data", "random:40,5,4", "--batch-size", "4", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="softmax normalised by e.sum(axis=1) without keepdims=True: the (4, 4) exponentials divided "
                   "by a (4,) vector broadcast along the last axis, so column j is divided by row j's sum; it "
                   "runs only because the mini-batch of 4 rows equals the 4 classes",
         expected=("keepdims", "broadcast", "[:, none]", "[:, np.newaxis]", "reshape(-1, 1)", "(n, 1)", "(n,)",
                   "column j", "row j", "another row's sum", "other rows' sums", "wrong row's sum",
                   "each column", "by column", "transposed", "batch size equals", "equal to the number of classes",
                   "4 rows", "4 classes", "same size", "square")),
    dict(id="R11_ce_delta_from_log_probs", side="numpy",
         args=numpy_net("11_ce_delta_from_log_probs.py", "LogSoftmaxNet", "--step", "net.train_step(X, y)",
                        "--data", "random:60,6,3", "--hidden-activation", "tanh", "--output-activation", "softmax",
                        "--loss", "ce-sum", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="stable cross-entropy through log_p = z - logsumexp(z); the output delta reuses that variable, "
                   "delta = log_p - y, instead of the probabilities exp(log_p) - y: the exp is missing",
         expected=("log_p", "logp", "log-prob", "log prob", "log probabilities", "log-softmax", "log_softmax",
                   "log softmax", "logsumexp", "instead of the probabilities", "instead of p", "instead of the softmax",
                   "exp(log_p)", "np.exp", "missing exp", "missing the exp", "without the exp", "exponential",
                   "log of the probabilities")),
    dict(id="R12_logistic_pm1_form_01_labels", side="numpy",
         args=numpy_net("12_logistic_pm1_form_01_labels.py", "MarginNet", "--step", "net.fit(X, y)",
                        "--data", "random:40,3", "--hidden-activation", "relu", "--loss", "bce",
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="logistic loss written in its +/-1-label form, mean log(1 + exp(-y z)) with the gradient "
                   "-y sigmoid(-y z) / n, fed the 0/1 targets unchanged: right for y = 1, but every y = 0 row "
                   "contributes no gradient (its loss is the constant log 2)",
         expected=("±1", "+/-1", "-1/+1", "-1 and +1", "+1 and -1", "{-1, 1}", "{-1, +1}", "-1, 1", "margin",
                   "-y z", "-y*z", "y * z", "y*z", "yz", "exp(-y", "log(1 + exp(-y", "0/1 labels", "0/1 targets",
                   "{0, 1}", "y = 0", "y=0", "negative rows", "negative class", "negatives", "label encoding",
                   "labels are 0/1", "2y - 1", "2 * y - 1", "log 2", "log(2)")),
    dict(id="R13_tanh_deriv_precedence", side="numpy",
         args=numpy_net("13_tanh_deriv_precedence.py", "Regressor", "--step", "net.train_step(X, y)",
                        "--data", "random:32,5", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="hidden delta written d_out @ W2.T * 1 - h ** 2, missing the parentheses around (1 - h ** 2): "
                   "by precedence it is (d_out @ W2.T) - h^2, the back-propagated error minus h squared, instead "
                   "of the error times the tanh derivative",
         expected=("parenthes", "precedence", "order of operations", "operator", "* 1 - h", "*1 - h", "*1-h",
                   "- h ** 2", "- h**2", "- h²", "minus h", "subtracts h", "subtracted", "(1 - h ** 2)",
                   "(1 - h**2)", "(1-h**2)", "(1 - h²)", "h squared")),
    dict(id="R14_bias_grad_first_row", side="numpy",
         args=numpy_net("14_bias_grad_first_row.py", "SigmoidSoftmax", "--step", "net.train_batch(X, y)",
                        "--param", "layers[0][0]=W1", "--param", "layers[0][1]=b1",
                        "--param", "layers[1][0]=W2", "--param", "layers[1][1]=b2",
                        "--data", "random:48,4,3", "--batch-size", "12", "--hidden-activation", "sigmoid",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="code vectorised from a per-sample version keeps the bias gradient delta[0]: each bias gets "
                   "the first row's delta only, instead of delta.sum(axis=0) over the batch's rows, in both layers",
         expected=("first row", "row 0", "delta[0]", "[0]", "first sample", "first example", "first element",
                   "one row", "single row", "only the first", "per-sample", "per sample", "instead of the sum",
                   "sum(axis=0)", "sum over the rows", "sum over rows", "other rows", "remaining rows")),
    dict(id="R15_momentum_warmup_schedule", side="numpy",
         args=numpy_net("15_momentum_warmup_schedule.py", "DeepRegressor", "--step", "net.train_step(X, y)",
                        "--param", "Ws[0]=W1", "--param", "bs[0]=b1", "--param", "Ws[1]=W2", "--param", "bs[1]=b2",
                        "--param", "Ws[2]=W3", "--param", "bs[2]=b3",
                        "--data", "random:36,5", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "half-mse", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="momentum schedule from an old recipe: mu = 0.5 for the first 5 steps, then 0.9, where the "
                   "reference momentum is a constant 0.9 (equal on step 1, where the velocity is the gradient)",
         expected=("schedule", "warm-up", "warmup", "ramp", "momentum of 0.5", "momentum 0.5", "mu = 0.5", "mu=0.5",
                   "μ = 0.5", "μ=0.5", "0.5 for the first", "first 5 steps", "first five", "early steps",
                   "increas", "hinton", "smaller momentum", "lower momentum", "momentum changes",
                   "changing momentum", "time-varying", "step-dependent momentum")),
    dict(id="R16_adam_moments_after_update", side="numpy",
         args=numpy_net("16_adam_moments_after_update.py", "AdamNet", "--step", "net.train_step(X, y)",
                        "--data", "random:30,4", "--hidden-activation", "sigmoid", "--loss", "bce-sum",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's parameter step computed from m and v before they are updated with this step's "
                   "gradient: every update uses the previous step's moments (bias-corrected with this step's t), "
                   "so the first step moves nothing (0 / (0 + eps))",
         expected=("before the moments", "before m and v", "before updating m", "before the moment update",
                   "previous step's moments", "previous moments", "old moments", "stale moments", "stale m",
                   "one step late", "one step behind", "lags", "lagged", "delayed", "first step moves nothing",
                   "no update on the first step", "nothing on the first step", "step 1 moves nothing",
                   "zero update", "wrong order", "ordering", "out of order")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="R17_correct_port_kl_div_batchmean", side="correct",
         args=port("correct_01_port_kl_div_batchmean.py", "KLNet", "--data", "random:48,6,4", "--batch-size", "12",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="port: two tanh hidden layers, logits out of forward, the loss F.kl_div(log_softmax(z), y, "
                   "reduction='batchmean'), which for one-hot targets is the mean cross-entropy (the targets' "
                   "entropy is 0); the kit's Nesterov", expected=()),
    dict(id="R18_correct_namespace_ufunc_adam", side="correct",
         args=numpy_net("correct_02_namespace_ufunc_adam.py", "UfuncNet", "--step", "net.train_step(X, y)",
                        "--param", "p.W1=W1", "--param", "p.b1=b1", "--param", "p.W2=W2", "--param", "p.b2=b2",
                        "--param", "p.W3=W3", "--param", "p.b3=b3",
                        "--data", "random:40,4", "--batch-size", "8", "--shuffle", "--hidden-activation", "tanh",
                        "--loss", "bce-sum", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="NumPy: parameters in a types.SimpleNamespace, two tanh hidden layers, sigmoid as "
                   "exp(-logaddexp(0, -z)), summed BCE from the logit, Adam written with in-place ufuncs "
                   "(np.multiply/np.add/np.sqrt with out=), shuffled mini-batches", expected=()),
    dict(id="R19_correct_port_foreach_heavy_ball", side="correct",
         args=port("correct_03_port_foreach_heavy_ball.py", "ChainNet", *OPT, "--data", "random:30,5",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "half-sse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.01"),
         mechanism="port: nn.Sequential built with itertools.chain from (Linear, ReLU) pairs, half SSE as "
                   "0.5 * F.mse_loss(reduction='sum'), a hand-written heavy-ball optimizer using "
                   "torch._foreach_mul_ / torch._foreach_add_ over the parameter list", expected=()),
]
