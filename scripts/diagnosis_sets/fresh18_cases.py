"""Eighteenth fresh held-out set for the diagnosis: one planted bug per program in fresh18/ (eight
PyTorch ports, four of them checked against a NumPy program of their own, and eight NumPy
programs, three of them checked against a correct port of their own) and three correct programs
in unusual styles. The bugs lean towards quiet numerical idioms: in the ports, in-place
operations, tensor dtypes, forward hooks and detach, the functional API, reductions and their
defaults, scheduler defaults, train/eval mode and module registration; in the NumPy programs,
dtypes, clipping of probabilities, integer division, stable log-domain forms, broadcasting, the
axis of a reduction and random number handling. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh18_cases

Each case:
    id          short name (prefixed B)
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
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh18/"
port, numpy_net = in_folder(F)


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


# the batch-norm pairs name their parameters: gamma and beta have the same shape
BN_PARAMS = ["--param", "W1=fc1.weight.T", "--param", "gamma=bn.weight", "--param", "beta=bn.bias",
             "--param", "W2=fc2.weight.T", "--param", "b2=fc2.bias"]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="B01_binary_classifier_port", side="port",
         args=port("01_binary_classifier_port.py", "Net", "--data", "random:40,6",
                   "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="train_step logs the batch accuracy from probs = logits.sigmoid_(), an in-place sigmoid that "
                   "overwrites the logits tensor, and then hands the same tensor to "
                   "F.binary_cross_entropy_with_logits: the loss is BCE(sigmoid(sigmoid(z)), y), the sigmoid applied "
                   "twice (torch.sigmoid(logits), out of place, was meant)",
         expected=("in-place", "in place", "inplace", "sigmoid_", "overwrit", "sigmoid applied twice",
                   "sigmoid twice", "double sigmoid", "sigmoid(sigmoid", "σ(σ(", "applied twice",
                   "logits replaced", "probabilities as logits", "probabilities into", "with_logits", "accuracy")),
    dict(id="B02_momentum_regressor_port", side="port",
         args=port("02_momentum_regressor_port.py", "Net", *OPT, "--data", "random:40,5,2",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written heavy-ball optimizer (torch.optim.Optimizer subclass) creates its momentum buffer "
                   "with torch.zeros_like(p, dtype=torch.bfloat16): the buffer lives in bfloat16 (8-bit significand), "
                   "so every v = mu v + g is rounded to bfloat16 (relative error up to 2^-9, about 0.2%) and the "
                   "update lr v carries the rounding; a buffer in the parameter's float32 was meant",
         expected=("bfloat16", "bf16", "half precision", "low precision", "lower precision", "reduced precision",
                   "precision", "dtype", "rounding", "rounded", "momentum buffer", "velocity", "zeros_like",
                   "mantissa", "significand", "2^-9", "optimizer state")),
    dict(id="B03_tanh_classifier_port", side="port",
         args=port("03_tanh_classifier_port.py", "Net", "--data", "random:45,5,3", "--batch-size", "15",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="a forward hook on the hidden block, kept to record activations, ends with return output after "
                   "output = output.detach(): a forward hook's non-None return value replaces the module's output, so "
                   "the head receives detached hidden activations and no gradient reaches the first layer (W1 and b1 "
                   "never move) while the NumPy network trains it",
         expected=("forward hook", "register_forward_hook", "hook", "return value", "replaces the output",
                   "replaced", "detach", "detached", "no gradient", "zero gradient", "first layer", "hidden layer",
                   "w1", "never updated", "not updated", "frozen")),
    dict(id="B04_softmax_classifier_port", side="port",
         args=port("04_softmax_classifier_port.py", "Net", *OPT, "--data", "random:48,4,3", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="the functional forward (F.linear over a parameter dict, for meta-learning) calls "
                   "F.linear(h, params['fc2.weight']) without the bias argument: the output layer's bias fc2.bias is "
                   "never added, gets no gradient and is never updated by Adam, while the NumPy network adds and "
                   "trains b2",
         expected=("f.linear", "output bias", "b2", "missing bias", "bias missing", "bias omitted", "without the bias",
                   "without bias", "no bias", "bias is never", "bias never", "never added", "not added",
                   "no gradient", "never updated", "not updated", "functional")),
    dict(id="B05_standardised_regressor_pair", side="port",
         args=pair("05_standardised_regressor_numpy.py", "StandardisedRegressor",
                   "05_standardised_regressor_torch.py", "StandardisedRegressor",
                   "--torch-init", "model = StandardisedRegressor(X)", "--data", "random:40,5,2"),
         mechanism="pair: the port's standardisation buffer is X.std(dim=0), torch's unbiased (Bessel-corrected, "
                   "divisor n - 1) standard deviation, where the NumPy program's np.std divides by n: every "
                   "standardised input is sqrt((n - 1) / n) = sqrt(39/40) = 0.987 times the NumPy program's",
         expected=("unbiased", "bessel", "n - 1", "n-1", "ddof", "correction", "standard deviation", "std(",
                   "population", "sqrt(39/40)", "39/40", "40/39", "0.987", "1.013", "standardis", "standardiz",
                   "input scale", "inputs scaled")),
    dict(id="B06_linear_decay_pair", side="port",
         args=pair("06_linear_decay_numpy.py", "LinearDecayNet", "06_linear_decay_torch.py", "LinearDecayNet",
                   "--data", "random:40,6"),
         mechanism="pair: the port's LinearLR is built with end_factor=0.0 and total_iters=50 but start_factor left at "
                   "its default 1/3: the learning rate falls linearly from LR0 / 3 to zero, lr0 (1 - t / 50) / 3, "
                   "instead of from LR0, lr0 (1 - t / 50), as in the NumPy program (a third of the step every step)",
         expected=("start_factor", "start factor", "1/3", "one third", "a third", "0.333", "third", "default",
                   "linearlr", "schedule", "scheduler", "learning rate", "lr0 / 3", "3 times smaller", "factor 3",
                   "three times")),
    dict(id="B07_batchnorm_classifier_pair", side="port",
         args=pair("07_batchnorm_classifier_numpy.py", "BatchNormClassifier", "07_batchnorm_classifier_torch.py",
                   "BatchNormClassifier", "--init", "net = BatchNormClassifier()", "--data", "random:40,5",
                   *BN_PARAMS),
         mechanism="pair: the port's train_step begins with model.eval() (copied from the evaluation code) instead of "
                   "model.train(): BatchNorm1d normalises with its running statistics (the initial mean 0 and "
                   "variance 1, never updated in eval mode) instead of the batch's mean and variance, so the port's "
                   "hidden layer is about gamma z + beta, not the batch-normalised z",
         expected=("eval mode", "eval()", "model.eval", "model.train", "train mode", "training mode",
                   "evaluation mode", "inference mode", "running mean", "running statistics", "running stats",
                   "running_mean", "running_var", "batch statistics", "not normalised", "not normalized")),
    dict(id="B08_deep_regressor_pair", side="port",
         args=pair("08_deep_regressor_numpy.py", "DeepTanhRegressor", "08_deep_regressor_torch.py",
                   "DeepTanhRegressor", "--init", "net = DeepTanhRegressor()", "--data", "random:40,4,2"),
         mechanism="pair: the port keeps its two middle layers in a plain Python list, not an nn.ModuleList: they are "
                   "not registered as submodules, so model.parameters() and the optimizer miss them; they keep torch's "
                   "random initialisation (never given the NumPy program's W[1], b[1], W[2], b[2]) and are never "
                   "updated",
         expected=("modulelist", "module list", "plain list", "python list", "not registered", "unregistered",
                   "registered", "parameters()", "submodule", "never updated", "not updated", "not trained",
                   "missing parameters", "middle layers", "hidden layers", "initialis", "initializ")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="B09_tanh_logistic", side="numpy",
         args=numpy_net("09_tanh_logistic.py", "TanhLogistic", "--step", "net.train_step(X, y)",
                        "--data", "random:64,6", "--hidden-activation", "tanh", "--loss", "bce-sum",
                        "--lr", "0.05"),
         mechanism="forward caches the hidden activation as np.tanh(z1).astype(np.float16): half precision (11-bit "
                   "significand, relative rounding up to 2^-11 = 4.9e-4) in the forward output, in W2's gradient and "
                   "in the tanh derivative 1 - h^2, where the float32 tanh is meant",
         expected=("float16", "fp16", "half precision", "half-precision", "precision", "dtype", "astype",
                   "rounding", "rounded", "low precision", "reduced precision", "2^-11", "4.9e-4", "cache",
                   "hidden activation")),
    dict(id="B10_relu_logistic", side="numpy",
         args=numpy_net("10_relu_logistic.py", "ReluLogistic", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5", "--hidden-activation", "relu", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="the probability clip is applied to the logit, sigmoid(np.clip(z2, EPS, 1 - EPS)) where "
                   "np.clip(sigmoid(z2), EPS, 1 - EPS) is meant (parentheses misplaced): every logit is forced into "
                   "[1e-7, 1 - 1e-7], so every prediction lies between 0.5 and 0.731, while backward uses p - y as if "
                   "nothing were clipped",
         expected=("clip", "clipped", "clamp", "logit", "pre-activation", "before the sigmoid", "inside the sigmoid",
                   "instead of the probabilit", "wrong variable", "parenthes", "0.731", "between 0.5",
                   "eps", "saturat")),
    dict(id="B11_smoothed_softmax_pair", side="numpy",
         args=pair("11_smoothed_softmax_numpy.py", "SmoothedSoftmax", "11_smoothed_softmax_torch.py",
                   "SmoothedSoftmax", "--init", "net = SmoothedSoftmax()", "--data",
                   "scripts/diagnosis_sets/data/onehot.npz", "--batch-size", "20"),
         mechanism="pair: label smoothing's uniform term written SMOOTHING // K, floor division: 0.1 // 3 = 0.0, so "
                   "the targets are 0.9 y (summing to 0.9, nothing on the other classes) instead of 0.9 y + 0.0333; "
                   "the delta p - target is off by 0.1 / 3 = 0.0333 in every class (the port uses F.cross_entropy "
                   "with label_smoothing=0.1)",
         expected=("floor division", "integer division", "//", "0.1 // 3", "label smoothing", "smoothing",
                   "0.0333", "0.033", "1/30", "/ k", "eps / k", "ε / k", "uniform", "0.9 y", "sum to 0.9",
                   "do not sum to one", "don't sum to one")),
    dict(id="B12_stable_logistic", side="numpy",
         args=numpy_net("12_stable_logistic.py", "StableLogistic", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5", "--hidden-activation", "tanh", "--loss", "bce-sum", "--lr", "0.05"),
         mechanism="the hand-written derivative of the stable BCE max(z, 0) - z y + log(1 + exp(-|z|)) drops the sign "
                   "from the derivative of |z|: dz = (z > 0) - y - e / (1 + e) instead of (z > 0) - y - sign(z) e / "
                   "(1 + e), e = exp(-|z|); right for positive logits, -sigmoid(z) - y instead of sigmoid(z) - y for "
                   "every negative logit",
         expected=("sign(z)", "np.sign", "sign", "|z|", "absolute value", "negative logit", "z < 0", "negative z",
                   "-sigmoid(z) - y", "-σ(z) - y", "sigmoid(z) - y", "σ(z) - y", "derivative", "exp(-|z|)",
                   "log1p")),
    dict(id="B13_minibatch_relu_net", side="numpy",
         args=numpy_net("13_minibatch_relu_net.py", "MiniBatchNet", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--batch-size", "8", "--hidden-activation", "relu",
                        "--loss", "bce", "--lr", "0.5"),
         mechanism="forward adds a (units, 1) column bias, X @ W1 + b1 (left from the samples-as-columns version; "
                   "b1.T meant): with mini-batches of 8 rows and 8 hidden units it broadcasts over the rows, row i "
                   "getting b1[i] on every unit, while the backward pass and the update treat b1 as one bias per "
                   "hidden unit",
         expected=("broadcast", "b1.t", "transpose", "column", "(8, 1)", "(h, 1)", "(units, 1)", "per row",
                   "per sample", "each row", "row i", "samples-as-columns", "layout", "batch size equals",
                   "8 rows")),
    dict(id="B14_normalised_regressor_pair", side="numpy",
         args=pair("14_normalised_regressor_numpy.py", "NormalisedRegressor", "14_normalised_regressor_torch.py",
                   "NormalisedRegressor", "--init", "net = NormalisedRegressor()", "--data", "random:32,4,2",
                   "--batch-size", "8", *BN_PARAMS),
         mechanism="pair: the batch norm's statistics are taken over axis=1, each row's mean and variance across its "
                   "6 hidden units (a layer norm), instead of axis=0, each unit's over the batch (the port uses "
                   "nn.BatchNorm1d); the backward pass keeps the batch-norm (axis 0) formula",
         expected=("axis=1", "axis 1", "axis=0", "axis 0", "wrong axis", "layer norm", "layernorm",
                   "layer normalisation", "layer normalization", "per row", "per sample", "each row",
                   "over the features", "over the units", "over the batch", "batch statistics")),
    dict(id="B15_softmax_classifier", side="numpy",
         args=numpy_net("15_softmax_classifier.py", "SoftmaxClassifier", "--step", "net.train_step(X, y)",
                        "--data", "random:45,4,3", "--batch-size", "15", "--hidden-activation", "sigmoid",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="the softmax delta subtracts the class indices as a column, p - labels.reshape(-1, 1), instead of "
                   "the one-hot targets: by broadcasting every class of row i loses the row's label number (0, 1 or "
                   "2), so rows of class 0 get p alone and no row gets its -1 at its own class",
         expected=("broadcast", "class index", "class indices", "labels", "reshape(-1, 1)", "column", "one-hot",
                   "one hot", "np.eye", "integer labels", "label values", "label number", "not one-hot", "argmax")),
    dict(id="B16_noisy_regressor_pair", side="numpy",
         args=pair("16_noisy_regressor_numpy.py", "NoisyRegressor", "16_noisy_regressor_torch.py", "NoisyRegressor",
                   "--init", "net = NoisyRegressor(X, y)", "--data", "random:40,5"),
         mechanism="pair: the input noise is drawn with RandomState.rand (uniform on [0, 1)) instead of randn "
                   "(standard normal): NOISE * U[0, 1) has mean 0.05 and standard deviation 0.029 instead of mean 0 "
                   "and 0.1, so the NumPy program trains on differently perturbed (shifted) inputs than the port, "
                   "whose generator is seeded alike",
         expected=("rand(", "randn", "uniform", "normal", "gaussian", "standard normal", "[0, 1)", "noise",
                   "random", "mean 0.05", "0.05", "shifted", "distribution")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="B17_correct_port_flat_vector_sgd", side="correct",
         args=port("correct_01_port_flat_vector_sgd.py", "Net", "--data", "random:40,6", "--loss", "bce",
                   "--lr", "0.5"),
         mechanism="port: nn.Sequential returning the logit, BCE written with F.logsigmoid(z) and F.logsigmoid(-z), "
                   "the SGD step taken on one flat vector with parameters_to_vector / vector_to_parameters (which "
                   "re-points every parameter's .data into the new vector), the rate read from the optimizer the kit "
                   "passes", expected=()),
    dict(id="B18_correct_target_shift_softmax", side="correct",
         args=numpy_net("correct_02_target_shift_softmax.py", "ShiftedSoftmaxNet", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5,3", "--batch-size", "12", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.05"),
         mechanism="NumPy: ReLU applied in place (np.maximum(..., out=a1)) on the pre-activation buffer, logits "
                   "shifted by each row's target logit (softmax is shift invariant), bias gradients with Python's "
                   "built-in sum over the rows, summed cross-entropy, heavy-ball momentum with the velocity rebound "
                   "each step", expected=()),
    dict(id="B19_correct_port_float64_loss", side="correct",
         args=port("correct_03_port_float64_loss.py", "Net", "--data", "random:32,4,2", "--batch-size", "8",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--lr", "0.1"),
         mechanism="port: the half-MSE reduced in float64 (out.double(), y.double()) and cast back by autograd, a "
                   "hand-written SGD step with torch._foreach_add_ over the parameters (gradients set to None by "
                   "hand), a model.eval() evaluation after the update (harmless: no dropout or batch norm) and "
                   "model.train() at the start of each step", expected=()),
]
