"""Twentieth fresh held-out set for the diagnosis: one planted bug per program in fresh20/ (eight
PyTorch ports, four of them checked against a NumPy program of their own, and eight NumPy
programs, two of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is the from-scratch network of tutorials, textbooks, course
assignments and blog posts (XOR, two moons, tiny digits, a sine curve; fresh20/make_data.py
writes the data) and its port by someone reading the PyTorch documentation for the first time:
NumPy idioms carried into torch, nn.Sequential built from an OrderedDict, hand-written updates
under torch.no_grad(), a loss computed outside the graph, optimizer subclasses and parameter
groups, image unrolling and input statistics; in the NumPy programs, labels and one-hot targets,
typos in updates, losses and features, the learning rate in the backward pass, the chain rule
and the two textbook forms of the softmax gradient. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh20_cases

Each case:
    id          short name (prefixed E)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh18/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh20/"
port, numpy_net = in_folder(F)

MOONS = F + "moons.npz"
DIGITS = F + "digits.npz"
DIGIT_IMAGES = F + "digit_images.npz"
SINE = F + "sine.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="E01_sine_regressor_port", side="port",
         args=port("01_sine_regressor_port.py", "Net", "--data", SINE, "--hidden-activation", "relu",
                   "--output-activation", "linear", "--loss", "mse", "--lr", "0.1"),
         mechanism="np.maximum(z, 0) ported as torch.max(z, 0)[0]: with an integer second argument torch.max is a "
                   "reduction over dim 0 returning (values, indices), so h is each hidden unit's maximum over the "
                   "batch, one (16,) vector instead of the elementwise ReLU; every row gets the same prediction "
                   "(broadcast by F.mse_loss against the 40 targets) and W1, b1 receive gradient only through each "
                   "unit's argmax row (torch.clamp(z, min=0) or torch.maximum was meant)",
         expected=("torch.max", "max(z, 0)", "torch.maximum", "np.maximum", "clamp", "reduction", "dim 0", "dim=0",
                   "over the batch", "batch maximum", "maximum over the rows", "argmax", "same prediction",
                   "every row", "not elementwise", "elementwise")),
    dict(id="E02_moons_classifier_port", side="port",
         args=port("02_moons_classifier_port.py", "Net", "--data", MOONS, "--hidden-activation", "tanh",
                   "--output-activation", "sigmoid", "--loss", "mse", "--lr", "0.5"),
         mechanism="nn.Sequential built from an OrderedDict with the key 'act' used twice: the second "
                   "('act', nn.Sigmoid()) replaces the first entry's value at the first entry's position, so the "
                   "model is Linear -> Sigmoid -> Linear: the hidden layer applies the sigmoid instead of tanh and "
                   "the output has no sigmoid (the raw linear output is scored by the MSE)",
         expected=("duplicate key", "duplicate name", "same key", "same name", "'act'", "ordereddict", "overwrit",
                   "replaced", "sigmoid instead of tanh", "hidden sigmoid", "no sigmoid", "missing sigmoid",
                   "linear output", "no output activation", "without the sigmoid", "tanh missing")),
    dict(id="E03_xor_port", side="port",
         args=port("03_xor_port.py", "XorNet", "--lr", "0.5"),
         mechanism="hand-written SGD under torch.no_grad() calls model.zero_grad() inside the loop over the "
                   "parameters, where only that parameter's gradient was to be cleared: after the first parameter "
                   "(hidden.weight, W1) is updated every gradient is set to None, and the loop's "
                   "'if param.grad is None: continue' guard skips the rest, so b1, W2 and b2 are never updated",
         expected=("zero_grad", "inside the loop", "in the loop", "per parameter", "first parameter", "only w1",
                   "only the first", "never updated", "not updated", "no update", "b1, w2", "w2 and b2",
                   "gradients cleared", "cleared", "set to none")),
    dict(id="E04_moons_bce_port", side="port",
         args=port("04_moons_bce_port.py", "MoonsNet", "--data", MOONS, "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the loss is recomputed by the NumPy version's binary_cross_entropy helper on p.detach().numpy() "
                   "and wrapped as torch.tensor(..., requires_grad=True): a new leaf tensor outside the graph, so "
                   "loss.backward() reaches no parameter, every .grad stays None and optimizer.step() updates "
                   "nothing",
         expected=("numpy", "detach", "graph", "leaf", "requires_grad", "torch.tensor(", "new tensor", "disconnected",
                   "no gradient", "grad is none", "gradients are none", "never updated", "not updated",
                   "nothing is updated", "no update", "no parameter moves")),
    dict(id="E05_digits_decay_pair", side="port",
         args=pair("05_digits_decay_numpy.py", "DigitsNet", "05_digits_decay_torch.py", "DigitsNet",
                   "--data", DIGITS, "--batch-size", "16"),
         mechanism="pair: the port's hand-written optimizer (a torch.optim.Optimizer subclass) steps with "
                   "self.defaults['lr'] instead of group['lr']: LambdaLR writes the scheduled rate into "
                   "param_groups, which step() never reads, so the port trains at the constant LR0 = 0.8 while the "
                   "NumPy program decays it as LR0 / (1 + 0.1 t) (equal on step 1)",
         expected=("defaults", "self.defaults", "group['lr']", 'group["lr"]', "param_groups", "schedule",
                   "scheduler", "lambdalr", "constant learning rate", "never decays", "not decayed",
                   "decay ignored", "inverse-time", "1 / (1 + ", "learning rate", "lr0")),
    dict(id="E06_digit_images_pair", side="port",
         args=pair("06_digit_images_numpy.py", "ImageClassifier", "06_digit_images_torch.py", "ImageClassifier",
                   "--data", DIGIT_IMAGES),
         mechanism="pair: the port unrolls each 4x4 image row by row (images.flatten(1), C order) where the NumPy "
                   "program unrolls it column by column (reshape with order='F'): pixel (r, c) meets row 4c + r of "
                   "W1 in NumPy but row 4r + c in the port, so the first layer sees transposed images (the pixels "
                   "permuted) and every later tensor differs",
         expected=("order='f'", "fortran", "column-major", "column major", "row-major", "row major",
                   "column by column", "row by row", "flatten", "unroll", "transpose", "transposed image",
                   "pixel order", "permuted", "permutation", "input order")),
    dict(id="E07_regularised_moons_pair", side="port",
         args=pair("07_regularised_moons_numpy.py", "RegularisedMoons", "07_regularised_moons_torch.py",
                   "RegularisedMoons", "--data", MOONS),
         mechanism="pair: the course's L2 cost LAMBD / (2 m) ||W||^2 has the gradient (LAMBD / m) W, but the port "
                   "gives its weights' parameter group weight_decay=LAMBD instead of LAMBD / m (m = 40 rows): the "
                   "decay term is 40 times too strong (0.7 W instead of 0.0175 W); the biases, unregularised in "
                   "both programs, are right",
         expected=("weight_decay", "weight decay", "lambd / m", "lambda / m", "/ m", "divided by m",
                   "number of examples", "40 times", "factor 40", "40x", "0.7", "0.0175", "l2", "regularis",
                   "regulariz", "too strong")),
    dict(id="E08_sine_standardised_pair", side="port",
         args=pair("08_sine_standardised_numpy.py", "SineRegressor", "08_sine_standardised_torch.py",
                   "SineRegressor", "--torch-init", "model = SineRegressor(X)", "--data", SINE,
                   "--batch-size", "10", "--param", "W1=fc1.weight.T", "--param", "b1=fc1.bias",
                   "--param", "W2=fc2.weight.T", "--param", "b2=fc2.bias"),
         mechanism="pair: the port standardises each mini-batch with that batch's own mean and standard deviation "
                   "(x.mean(0), x.std(0)) instead of the training-set statistics it keeps as buffers; the NumPy "
                   "program uses the statistics of all 40 inputs, so with batches of 10 (the data sorted by x) "
                   "every batch is mapped differently",
         expected=("batch statistics", "batch's mean", "batch mean", "per batch", "per-batch", "each batch",
                   "mini-batch", "training-set statistics", "training set", "buffer", "x_mean", "x.mean(",
                   "standardis", "standardiz", "normalis", "normaliz", "mean and standard deviation")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="E09_digits_classifier", side="numpy",
         args=numpy_net("09_digits_classifier.py", "DigitClassifier", "--init", "DigitClassifier()",
                        "--step", "net.train_step(X, y.argmax(axis=1))", "--data", DIGITS, "--batch-size", "16",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.5"),
         mechanism="one-hot targets built with the Octave idiom Y = (labels == 1..K), np.arange(1, K + 1), kept from "
                   "1-based labels while the labels given are 0-based: class k's rows get their 1 in column k - 1 "
                   "and class-0 rows an all-zero target, so the delta (a3 - Y) / m pushes every row towards the "
                   "previous class",
         expected=("1-based", "one-based", "0-based", "zero-based", "off by one", "off-by-one", "arange(1",
                   "shifted", "shift by one", "previous class", "wrong class", "one-hot", "onehot", "all-zero",
                   "labels - 1", "octave", "matlab")),
    dict(id="E10_moons_network", side="numpy",
         args=numpy_net("10_moons_network.py", "MoonsNetwork", "--step", "net.train(X, y)", "--data", MOONS,
                        "--hidden-activation", "sigmoid", "--loss", "bce", "--lr", "0.5"),
         mechanism="'=-' typo in the output weight's update, self.w_out =- self.lr * grad_w_out, which Python reads "
                   "as self.w_out = -(lr * grad): the output weights are replaced by the negated step instead of "
                   "being decremented by it (w_out -= lr * grad); the other parameters are right",
         expected=("=-", "-=", "typo", "replaced", "overwrit", "assigned", "assignment", "negated step",
                   "-lr * grad", "- lr * grad", "instead of decrement", "instead of subtract", "w_out", "w2",
                   "output weight")),
    dict(id="E11_xor_eleven_lines", side="numpy",
         args=numpy_net("11_xor_eleven_lines.py", "ElevenLineNet", "--init", "ElevenLineNet()",
                        "--step", "net.train(X, y)", "--loss", "half-sse", "--lr", "1"),
         mechanism="the error signal is the squared error, l2_error = (y - l2) ** 2, where the derivative of the "
                   "half squared error, y - l2, belongs: the output delta has the magnitude (y - l2)^2 and is "
                   "never negative, so every output is pushed up (towards 1) whatever its target, and both "
                   "layers' updates follow",
         expected=("squared error", "(y - l2) ** 2", "(y - l2)**2", "(y - out)^2", "squared", "square",
                   "loss instead of", "loss value", "instead of its derivative", "not the derivative",
                   "derivative of the loss", "y - l2", "sign", "never negative", "pushed up", "wrong sign")),
    dict(id="E12_sine_curve_fit", side="numpy",
         args=numpy_net("12_sine_curve_fit.py", "CurveFitter", "--step", "net.fit_step(X, y)", "--data", SINE,
                        "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                        "--lr", "0.1"),
         mechanism="variable slip in backward: the hidden delta is back-propagated from step_out = lr * grad_out, "
                   "the output layer's already-scaled step, instead of grad_out; W1 and b1 are then updated with lr "
                   "again, so their steps carry lr^2 (0.01) instead of lr (0.1), ten times too small, while W2 and "
                   "b2 are right",
         expected=("step_out", "lr * grad", "learning rate twice", "lr twice", "lr^2", "lr²", "lr ** 2",
                   "squared learning rate", "0.01", "10 times", "ten times", "factor 0.1", "factor of 0.1",
                   "first layer", "hidden layer", "w1", "scaled step")),
    dict(id="E13_scaled_moons_pair", side="numpy",
         args=pair("13_scaled_moons_numpy.py", "ScaledMoons", "13_scaled_moons_torch.py", "ScaledMoons",
                   "--torch-init", "model = ScaledMoons(X)", "--data", MOONS),
         mechanism="pair: min-max scaling takes X.min() and X.max() over the whole array (no axis) instead of each "
                   "feature's minimum and maximum (axis=0): both inputs are scaled by the global range, so the "
                   "NumPy program's scaled features differ from the port's per-feature [0, 1] scaling",
         expected=("axis=0", "axis 0", "no axis", "without axis", "global min", "global max", "whole array",
                   "all features", "per feature", "per-feature", "each feature", "min-max", "minmax",
                   "feature scaling", "scaling", "x.min()", "range")),
    dict(id="E14_cubic_sine_pair", side="numpy",
         args=pair("14_cubic_sine_numpy.py", "CubicFit", "14_cubic_sine_torch.py", "CubicFit", "--data", SINE),
         mechanism="pair: typo in the polynomial features, x * 3 where x ** 3 belongs: the third feature is 3x (a "
                   "multiple of the first) instead of the cube x^3, so the NumPy program fits b + w1 x + w2 x^2 + "
                   "3 w3 x while the port uses x.pow([1, 2, 3])",
         expected=("x * 3", "x*3", "x ** 3", "x**3", "x^3", "x³", "cube", "cubic", "3x", "3 x", "power", "typo",
                   "feature", "polynomial", "third feature")),
    dict(id="E15_xor_tanh_network", side="numpy",
         args=numpy_net("15_xor_tanh_network.py", "XorTanhNetwork", "--init", "XorTanhNetwork()",
                        "--step", "net.step(X, y)", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="the hidden delta omits the output weights: delta_out * (1 - hidden^2) instead of "
                   "(delta_out @ W2.T) * (1 - hidden^2); with one output unit the (n, 1) delta broadcasts over the "
                   "5 hidden units, as if every weight of W2 were 1, so W1 and b1 get the wrong gradient (W2 and b2 "
                   "are right)",
         expected=("w2.t", "@ w2", "output weights", "weights missing", "without w2", "missing w2", "omits",
                   "as if w2", "were 1", "all ones", "broadcast", "chain rule", "back-propagat", "backpropagat",
                   "hidden delta", "first layer")),
    dict(id="E16_digits_softmax_relu", side="numpy",
         args=numpy_net("16_digits_softmax_relu.py", "TwoLayerNet", "--init", "TwoLayerNet()",
                        "--step", "net.train_step(X, y)", "--data", DIGITS, "--batch-size", "12",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.3"),
         mechanism="two textbook forms of the softmax cross-entropy gradient combined: dscores = probs - y, then the "
                   "CS231n line dscores[range(n), labels] -= 1 subtracts the target's 1 a second time, so the logit "
                   "gradient is (p - 2y) / n instead of (p - y) / n (the loss itself is right)",
         expected=("twice", "2y", "2 y", "2 * y", "p - 2", "subtracted twice", "double", "doubled", "-= 1",
                   "probs - y", "probs.copy()", "target subtracted", "one-hot", "dscores", "minus 2")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="E17_correct_sine_port_broadcast", side="correct",
         args=port("correct_01_sine_port_broadcast.py", "Net", "--torch-param", "w1=W1", "--torch-param", "b1=b1",
                   "--torch-param", "w2=W2", "--torch-param", "b2=b2", "--data", SINE,
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse", "--lr", "0.1"),
         mechanism="port: raw (in, out) nn.Parameters paired with --torch-param; the single-input first layer as the "
                   "broadcast x * w1 (the outer product, equal to x @ w1), the output as (h * w2^T).sum(1), and "
                   "F.mse_loss called as (target, prediction), harmless since the loss is symmetric", expected=()),
    dict(id="E18_correct_shuffled_moons", side="correct",
         args=numpy_net("correct_02_shuffled_moons.py", "ShuffledMoons", "--step", "net.train_step(X, y)",
                        "--param", "layers[0]['W']=W1.T", "--param", "layers[0]['b']=b1",
                        "--param", "layers[1]['W']=W2.T", "--param", "layers[1]['b']=b2",
                        "--data", MOONS, "--hidden-activation", "sigmoid", "--loss", "bce-sum", "--lr", "0.05"),
         mechanism="NumPy: each batch's rows shuffled together with their labels (stacked into one table) before the "
                   "pass, harmless since the summed gradient does not depend on the row order; the sigmoid and its "
                   "derivative sigma(z) sigma(-z) through np.logaddexp, (out, in) weights in a list of layer dicts "
                   "(named with --param), summed BCE", expected=()),
    dict(id="E19_correct_digits_port_scaled_rate", side="correct",
         args=port("correct_03_digits_port_scaled_rate.py", "Net", *OPT, "--data", DIGITS, "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce-sum",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.02"),
         mechanism="port: the mean cross-entropy (F.cross_entropy with the one-hot rows as class probabilities) "
                   "against a NumPy network that sums it, with make_optimizer multiplying the learning rate by the "
                   "batch size of 12, so heavy-ball SGD on the mean takes the steps of the sum at lr; nn.Flatten "
                   "leading the stack (a no-op on flat rows)", expected=()),
]
