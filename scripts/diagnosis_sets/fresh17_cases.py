"""Seventeenth fresh held-out set for the diagnosis: one planted bug per program in fresh17/ (eight
PyTorch ports, five checked against the kit's NumPy network and three against a NumPy program
of their own; eight NumPy programs, six checked against the kit's torch twin and two against a
correct port of their own) and three correct programs in unusual styles. The bugs are the ones
met when porting one's own small project of 2 to 4 layers trained on mini-batches: the
forward pass, the loss, the hand-written backward pass, optimizers and schedules written or
configured by hand, and the handling of inputs, targets and labels. Same format as cases.py;
run with

    python3 scripts/diagnosis_held_out.py --cases fresh17_cases

Each case:
    id          short name (prefixed A)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh16/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0). fresh17/regression.npz is written by
fresh17/make_data.py.
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh17/"
ONEHOT = "scripts/diagnosis_sets/data/onehot.npz"
REGRESSION = F + "regression.npz"
port, numpy_net = in_folder(F)
STEP_NP = ("--step", "net.train_step(X, y)")


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="A01_tanh_logistic_adam", side="port",
         args=port("01_tanh_logistic_adam.py", "Net", *OPT, "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hand-written Adam (torch.optim.Optimizer subclass) updates the first moment with "
                   "exp_avg.add_(grad, alpha=1 - beta1), the .mul_(beta1) left out of the in-place chain: "
                   "m = m + (1 - beta1) g never decays, it is 0.1 times the running sum of every past gradient "
                   "instead of the moving average beta1 m + (1 - beta1) g (equal on step 1)",
         expected=("mul_(beta1)", "beta1 * m", "beta1 m", "β1 m", "β1·m", "never decays", "not decayed",
                   "no decay", "without decay", "decay factor", "accumulates", "running sum", "sum of all past",
                   "sum of the past", "sum of every", "moving average", "m + (1 - beta1) g", "m + 0.1 g",
                   "missing beta1", "missing β1", "beta1 missing", "β1 missing", "first moment")),
    dict(id="A02_tanh_regressor", side="port",
         args=pair("02_tanh_regressor_numpy.py", "TanhRegressor", "02_tanh_regressor_torch.py", "TanhRegressor",
                   "--data", REGRESSION, "--batch-size", "16"),
         mechanism="pair: the NumPy program's learning rate LR0 * GAMMA ** t (GAMMA = 0.85) is ported as "
                   "MultiplicativeLR(optimizer, lambda t: GAMMA ** t) where LambdaLR was meant: MultiplicativeLR "
                   "multiplies the current rate by the lambda at every step, so lr_t = LR0 * GAMMA ** (t (t + 1) / 2), "
                   "compounding (equal for the first two updates, then 0.85^3 against 0.85^2 and ever faster)",
         expected=("multiplicativelr", "lambdalr", "multiplicative", "multiplies the current", "compound",
                   "cumulative", "product of", "t(t+1)/2", "t (t + 1) / 2", "t(t + 1)/2", "triangular",
                   "decays faster", "faster decay", "decays too fast", "schedule", "lr_scheduler",
                   "gamma ** t", "gamma^t", "γ^t")),
    dict(id="A03_robust_regressor", side="port",
         args=pair("03_robust_regressor_numpy.py", "RobustRegressor", "03_robust_regressor_torch.py",
                   "RobustRegressor", "--init", "net = RobustRegressor()", "--data", REGRESSION,
                   "--batch-size", "12"),
         mechanism="pair: the NumPy program's Huber loss with DELTA = 2 is ported as F.smooth_l1_loss(beta=DELTA): "
                   "smooth L1 with beta is the Huber loss divided by beta (0.5 e^2 / beta for |e| < beta, "
                   "|e| - beta / 2 beyond), so every gradient is 1 / DELTA = half the Huber's: e / 2 for small "
                   "errors, sign(e) instead of 2 sign(e) for large ones",
         expected=("smooth_l1", "smooth l1", "smoothl1", "huber_loss", "huber", "beta", "delta", "/ delta",
                   "/ beta", "1/delta", "1 / delta", "divided by delta", "divided by beta", "half", "halved",
                   "factor 2", "factor of 2", "0.5 times", "2 sign", "sign(e)")),
    dict(id="A04_normed_classifier", side="port",
         args=pair("04_normed_classifier_numpy.py", "NormedClassifier", "04_normed_classifier_torch.py",
                   "NormedClassifier", "--init", "net = NormedClassifier()", "--data", ONEHOT,
                   "--batch-size", "15"),
         mechanism="pair: the port's parameter-free layer normalisation of the 12 hidden pre-activations takes "
                   "z.var(dim=1), torch's default unbiased (Bessel-corrected) variance dividing by 12 - 1 = 11, "
                   "where the NumPy program's np.var divides by 12: each normalised row is sqrt(11/12) = 0.957 "
                   "times the NumPy program's before the tanh",
         expected=("unbiased", "bessel", "n - 1", "n-1", "h - 1", "ddof", "correction", "unbiased=false",
                   "correction=0", "11 instead of 12", "by 11", "sqrt(11/12)", "sqrt(11 / 12)", "0.957",
                   "biased variance", "population variance", "sample variance", "var(", "variance",
                   "layer norm", "layer normalisation", "layer normalization", "layernorm")),
    dict(id="A05_relu_softmax_classifier", side="port",
         args=port("05_relu_softmax_classifier.py", "Net", "--data", "random:48,5,4", "--batch-size", "16",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="train_step divides F.cross_entropy(logits, labels) by X.shape[0], as if it returned a sum: "
                   "the cross-entropy is already the mean over the rows, so it is divided by the batch size twice "
                   "and every gradient is 1/16 of the NumPy network's",
         expected=("divided twice", "twice by", "divided by the batch size", "divides by the batch size",
                   "/ x.shape[0]", "/ len(x)", "/ n", "1/n", "1 / n", "1/16", "1 / 16", "16 times smaller",
                   "factor 16", "factor of 16", "0.0625", "already averages", "already a mean",
                   "already the mean", "mean again", "double division", "double normalisation",
                   "double normalization", "reduction")),
    dict(id="A06_sigmoid_net", side="port",
         args=port("06_sigmoid_net.py", "Net", "--data", "random:36,6", "--batch-size", "6",
                   "--hidden-activation", "sigmoid", "--loss", "half-sse", "--lr", "0.5"),
         mechanism="train_step calls model(X.T), the samples-as-columns convention (A0 = X.T) of the NumPy "
                   "original kept in a port that takes rows: with 6 rows per batch and 6 features the shapes fit, "
                   "so the model's row i is feature i across the six samples, and its outputs are scored against "
                   "the targets of rows they do not belong to",
         expected=("transpose", "transposed", "x.t", "a0 = x.t", "samples as columns", "as columns",
                   "rows and columns", "features and samples", "samples and features", "swapped axes",
                   "axes swapped", "wrong axis", "layout", "batch size equals", "6 x 6", "6x6", "square batch",
                   "square input")),
    dict(id="A07_tanh_two_output_regressor", side="port",
         args=port("07_tanh_two_output_regressor.py", "Net", *OPT, "--data", REGRESSION, "--batch-size", "16",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="train_step converts the targets with torch.as_tensor(y, dtype=torch.long) (a label "
                   "conversion from classification code) and casts back to float for the loss: the real-valued "
                   "regression targets are truncated toward zero (2.7 -> 2, -1.3 -> -1) and the port regresses "
                   "onto integers",
         expected=("torch.long", "long", "int64", "integer", "truncat", "toward zero", "towards zero",
                   "rounded", "rounding", "fractional", "cast", "dtype", "floor")),
    dict(id="A08_relu_binary_classifier", side="port",
         args=port("08_relu_binary_classifier.py", "Net", "--data", "random:40,6", "--hidden-activation", "relu",
                   "--loss", "bce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="BCE from the logit writes log(1 - p) as F.logsigmoid(1 - z), the '1 - p' habit carried onto "
                   "the logit, where F.logsigmoid(-z) is meant: the y = 0 rows are scored as if their logit were "
                   "z - 1 (log(1 - sigmoid(z - 1))), so their logit gradient is sigmoid(z - 1) instead of sigmoid(z)",
         expected=("1 - z", "1-z", "logsigmoid(1", "logsigmoid(-z)", "-z", "negated logit", "z - 1", "z-1",
                   "shifted by 1", "shift of 1", "offset", "sigmoid(z - 1)", "σ(z - 1)", "σ(z-1)", "log(1 - p)",
                   "1 - p", "negative class", "negative rows", "y = 0")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="A09_shallow_logistic_net", side="numpy",
         args=numpy_net("09_shallow_logistic_net.py", "ShallowNet", *STEP_NP, "--data", "random:40,5",
                        "--batch-size", "8", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the hidden bias kept the column shape (n_h, 1) of the samples-as-columns notebook, and the "
                   "rows-version forward adds it to the (n, n_h) pre-activations without .T: it broadcasts only "
                   "because the batch has 8 rows and the layer 8 units, so row i adds b1[i] to every unit (the "
                   "bias indexed by sample, not by unit); the backward pass trains b1 per unit",
         expected=("(n_h, 1)", "(8, 1)", "(h, 1)", "column vector", "column shape", "b1.t", ".t", "transpose",
                   "broadcast", "per row", "each row", "per sample", "by sample", "row i", "batch size equals",
                   "8 rows", "bias shape", "instead of per unit", "not by unit")),
    dict(id="A10_csv_softmax_classifier", side="numpy",
         args=numpy_net("10_csv_softmax_classifier.py", "CsvSoftmaxClassifier", "--init", "CsvSoftmaxClassifier()",
                        "--step", "net.train_step(X, y.argmax(axis=1)[:, None].astype(X.dtype))",
                        "--data", "random:48,5,4", "--batch-size", "12", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the softmax delta subtracts the raw label column (float class ids 0..3, shape (n, 1)) where "
                   "the one-hot rows belong: (probs - label_column) / n broadcasts each row's class id over all "
                   "4 classes, so no class gets the target's -1 and every class of a row with label k gets -k "
                   "(the loss uses the one-hot targets correctly)",
         expected=("one-hot", "one hot", "onehot", "class id", "class index", "label column", "labels",
                   "integer label", "broadcast", "(n, 1)", "every class", "all classes", "all 4 classes", "np.eye",
                   "not encoded", "encoding", "targets")),
    dict(id="A11_epoch_adam_classifier", side="numpy",
         args=numpy_net("11_epoch_adam_classifier.py", "EpochAdamClassifier", *STEP_NP, "--data", "random:48,6",
                        "--batch-size", "12", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's bias corrections take t = epoch + 1 (from a fit loop that passed the epoch) instead of "
                   "the number of updates: with 4 mini-batches per epoch t runs 1, 1, 1, 1, 2, 2, 2, 2, 3, ... "
                   "instead of 1, 2, 3, ..., 20 (equal on step 1)",
         expected=("epoch", "per epoch", "epoch number", "step count", "step counter", "t = epoch",
                   "bias correction", "bias-correction", "number of updates", "update count", "iteration",
                   "1 - beta1 ** t", "1 - beta2 ** t", "1 - β1^t", "1 - β2^t", "beta^t", "β^t",
                   "not incremented", "stays", "frozen", "lags")),
    dict(id="A12_momentum_logistic_net", side="numpy",
         args=numpy_net("12_momentum_logistic_net.py", "MomentumLogisticNet", *STEP_NP, "--data", "random:40,4",
                        "--hidden-activation", "sigmoid", "--loss", "bce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.3"),
         mechanism="the output delta is built from pred = (out > 0.5), the thresholded predictions kept for the "
                   "accuracy, instead of the probabilities: (pred - y) / n, so correctly classified rows give no "
                   "gradient and misclassified ones exactly +-1/n, whatever their confidence",
         expected=("threshold", "thresholded", "> 0.5", "rounded", "round", "hard", "0/1 prediction",
                   "binary prediction", "class decision", "decisions", "pred ", "pred -", "accuracy",
                   "instead of the probabilities", "instead of the probability", "correctly classified",
                   "step function", "wrong variable", "variable slip")),
    dict(id="A13_relu_regressor", side="numpy",
         args=pair("13_relu_regressor_numpy.py", "ReluRegressor", "13_relu_regressor_torch.py", "ReluRegressor",
                   "--init", "net = ReluRegressor()", "--data", REGRESSION, "--batch-size", "16"),
         mechanism="pair: train_step keeps the single-target slice target = y[:, :1] from the first version: the "
                   "(n, 1) column broadcasts against both output units, so both regress onto the first target "
                   "and the second target is never used",
         expected=("y[:, :1]", "[:, :1]", "first target", "first column", "one column", "single target",
                   "only the first", "second target", "second column", "second output", "broadcast",
                   "both outputs", "both output", "target column", "slice", "sliced")),
    dict(id="A14_regularised_softmax_net", side="numpy",
         args=numpy_net("14_regularised_softmax_net.py", "RegularisedSoftmaxNet", *STEP_NP, "--data", "random:36,4,3",
                        "--batch-size", "12", "--hidden-activation", "tanh", "--output-activation", "softmax",
                        "--loss", "ce", "--optimizer", "adam", "--weight-decay", "0.1", "--lr", "0.05"),
         mechanism="the gradient of the L2 penalty 0.5 * WEIGHT_DECAY * ||theta||^2 keeps the 0.5, "
                   "grad + 0.5 * WEIGHT_DECAY * theta instead of grad + WEIGHT_DECAY * theta: half the weight decay "
                   "goes into Adam's gradient (and moments)",
         expected=("0.5 * weight_decay", "0.5 * wd", "0.5 wd", "0.5·wd", "half the weight decay", "half the decay",
                   "weight decay halved", "decay halved", "half of the decay", "factor 2", "factor of 2",
                   "derivative", "wd * theta", "wd θ", "wd * param", "wd p", "l2", "weight decay", "penalty",
                   "regularisation", "regularization")),
    dict(id="A15_tanh_classifier", side="numpy",
         args=pair("15_tanh_classifier_numpy.py", "TanhClassifier", "15_tanh_classifier_torch.py", "TanhClassifier",
                   "--init", "net = TanhClassifier()", "--data", "random:36,6"),
         mechanism="pair: the lazy creation of the velocities tests hasattr(self, 'velocity') but stores "
                   "self.velocities: the name never exists, so the velocities are re-created as zeros on every "
                   "step and the update is plain SGD (equal on step 1; torch's momentum buffer carries over)",
         expected=("hasattr", "attribute name", "typo", "misspel", "velocity", "velocities", "re-created",
                   "recreated", "re-initialised", "reinitialised", "reset", "every step", "each step",
                   "no momentum", "momentum lost", "plain sgd", "plain gradient descent", "without momentum",
                   "never accumulates", "never builds")),
    dict(id="A16_score_regressor", side="numpy",
         args=numpy_net("16_score_regressor.py", "ScoreRegressor", *STEP_NP, "--data", "random:40,5",
                        "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                        "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="predict clips the linear output to [0, 1] (the targets are 0/1 scores) with np.clip, while the "
                   "backward pass treats the output as linear: predictions outside [0, 1] enter the loss clamped "
                   "and their error is back-propagated as if the clip were the identity",
         expected=("clip", "clipped", "np.clip", "clamp", "clamped", "[0, 1]", "0 and 1", "range", "saturat",
                   "linear output", "output clipped", "predictions clipped", "outside", "bounded")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="A17_sigmoid_softmax_port", side="correct",
         args=port("17_sigmoid_softmax_port.py", "Net", "--data", "random:45,4,3", "--batch-size", "15",
                   "--hidden-activation", "sigmoid", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="port: forward returns the logits and the loss is the mean negative log-likelihood "
                   "-Categorical(logits=z).log_prob(y.argmax(1)).mean() from torch.distributions, the mean "
                   "softmax cross-entropy; the kit's Nesterov", expected=()),
    dict(id="A18_polyak_relu_net", side="correct",
         args=numpy_net("18_polyak_relu_net.py", "PolyakReluNet", *STEP_NP, "--data", "random:40,6",
                        "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy: kernel_i / bias_i attributes set with setattr, forward and backward through np.einsum, "
                   "sigmoid as exp(-logaddexp(0, -z)), ReLU mask np.greater, and heavy-ball momentum in Polyak's "
                   "form theta - lr g + mu (theta - theta_prev) with copied previous parameters (the same "
                   "trajectory as torch's buffer form)", expected=()),
    dict(id="A19_logit_classifier_port", side="correct",
         args=port("19_logit_classifier_port.py", "Net", "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: layers registered with register_module in a loop and applied through self.children(), "
                   "two tanh hidden layers, the logit out of forward and the loss F.multilabel_soft_margin_loss on "
                   "the single logit column, which for one label is the mean BCE with logits; the kit's Adam",
         expected=()),
]
