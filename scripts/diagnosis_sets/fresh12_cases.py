"""Twelfth fresh held-out set for the diagnosis: one planted bug per program in fresh12/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. The bugs lean towards the
arithmetic of the network: activation forms, wiring and biases, derivatives, reductions and
indexing in the backward pass, the loss and its gradient, with a few update slips. Same format
as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh12_cases

Each case:
    id          short name (prefixed U)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh10/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh12/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="U01_hardsigmoid_hidden", side="port",
         args=port("01_hardsigmoid_hidden.py", "Net", "--data", "random:40,5",
                   "--hidden-activation", "sigmoid", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the port's two hidden layers use nn.Hardsigmoid, relu6(z + 3) / 6, a piecewise-linear "
                   "stand-in for the logistic curve, where the NumPy network's hidden layers use "
                   "sigmoid(z) = 1 / (1 + exp(-z))",
         expected=("hardsigmoid", "hard sigmoid", "hard-sigmoid", "hard_sigmoid", "relu6", "z + 3", "z+3",
                   "/ 6", "/6", "piecewise", "piece-wise", "piecewise-linear", "linear approximation",
                   "approximation of the sigmoid", "sigmoid approximation", "instead of sigmoid",
                   "not the sigmoid", "not sigmoid", "logistic")),
    dict(id="U02_half_inside_square", side="port",
         args=port("02_half_inside_square.py", "Net", "--data", "random:30,4",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-sse",
                   "--lr", "0.01"),
         mechanism="train_step writes the half-SSE with the 0.5 inside the square, ((0.5 * (out - y)) ** 2).sum(), "
                   "where 0.5 * ((out - y) ** 2).sum() is meant: the loss is a quarter of the sum of squares "
                   "instead of a half, every gradient half the NumPy network's",
         expected=("inside the square", "inside the parenthes", "parenthes", "bracket", "0.5 * (out",
                   "(0.5 *", "0.25", "1/4", "a quarter", "quarter of", "squared half", "half squared",
                   "(0.5)^2", "0.5^2", "0.5**2", "0.5 ** 2", "half the gradient", "gradient is half",
                   "gradients are half", "halved", "factor 2", "factor of 2", "factor 0.5", "2 times smaller",
                   "twice smaller")),
    dict(id="U03_bce_log1p_sign", side="port",
         args=port("03_bce_log1p_sign.py", "Net", "--data", "random:36,6",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hand-written binary cross-entropy takes the y = 0 term as torch.log1p(p) = log(1 + p), "
                   "the minus sign inside log1p lost, where log1p(-p) = log(1 - p) is meant: the negative rows "
                   "are pushed the wrong way (their loss falls as p grows)",
         expected=("log1p", "log(1 + p)", "log(1+p)", "log (1 + p)", "1 + p", "1+p", "log(1 - p)", "log(1-p)",
                   "1 - p", "minus sign", "missing minus", "missing sign", "lost sign", "sign of p",
                   "y = 0 term", "y=0 term", "negative class", "negative rows", "negative examples",
                   "rows with y = 0", "(1 - y)", "(1-y)")),
    dict(id="U04_ema_momentum_as_dampening", side="port",
         args=port("04_ema_momentum_as_dampening.py", "Net", *OPT, "--data", "random:48,4,3",
                   "--batch-size", "12", "--hidden-activation", "tanh", "--output-activation", "softmax",
                   "--loss", "ce", "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="make_optimizer ports EMA momentum (v = beta v + (1 - beta) g) as "
                   "torch.optim.SGD(momentum=0.9, dampening=0.9); torch skips the dampening on the first step, "
                   "the buffer starting as the raw gradient g instead of (1 - beta) g = 0.1 g, so the first step is "
                   "10 times the EMA's and the surplus decays as beta^t in later steps",
         expected=("dampening", "first buffer", "initial buffer", "buffer starts",
                   "raw gradient", "10 times", "ten times", "factor 10", "x10", "×10", "1 - beta", "(1 - β)",
                   "1-beta", "0.1 g", "0.1g", "not dampened", "undampened", "without dampening",
                   "first step is 10", "first step 10", "first step's")),
    dict(id="U05_softmax_global_sum", side="port",
         args=port("05_softmax_global_sum.py", "Net", "--data", "random:40,5,4", "--batch-size", "10",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="forward's hand-written softmax divides exp(z - max) by e.sum() with no dim: every exponential "
                   "is normalised by the sum over the whole batch (all rows and classes), not its own row's "
                   "sum, so no row's probabilities sum to one",
         expected=("e.sum()", ".sum()", "without dim", "no dim", "dim=1", "dim = 1", "keepdim", "whole batch",
                   "entire batch", "all rows", "over the batch", "across the batch", "batch-wide", "global sum",
                   "sum over all", "every element", "all elements", "normaliser", "normalizer",
                   "denominator", "do not sum to one", "don't sum to one", "does not sum to one", "sum to 1",
                   "sum to one", "wrong axis")),
    dict(id="U06_softplus_for_relu", side="port",
         args=port("06_softplus_for_relu.py", "Net", "--data", "random:44,6", "--batch-size", "11",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="the port's two hidden layers use F.softplus, log(1 + exp(z)), the 'smooth ReLU', where the "
                   "NumPy network's hidden layers use ReLU max(z, 0)",
         expected=("softplus", "soft plus", "soft-plus", "smooth relu", "smooth version", "log(1 + exp",
                   "log(1+exp", "log1p(exp", "log (1 + e", "ln(1 + e", "instead of relu", "not relu",
                   "not a relu", "smooth approximation")),
    dict(id="U07_custom_relu_backward_clamps_grad", side="port",
         args=port("07_custom_relu_backward_clamps_grad.py", "Net", "--data", "random:36,4",
                   "--hidden-activation", "relu", "--loss", "bce-sum", "--lr", "0.05"),
         mechanism="the port's ReLU is a custom torch.autograd.Function whose backward copies the forward's clamp, "
                   "grad_out.clamp(min=0), keeping positive incoming gradients and zeroing negative ones whatever "
                   "the unit's input, instead of masking by the input's sign, grad_out * (z > 0)",
         expected=("clamp", "custom backward", "custom autograd", "autograd.function", "autograd function",
                   "hand-written backward", "grad_out", "grad_output", "incoming gradient",
                   "upstream gradient", "(z > 0)", "z > 0", "mask by the input", "sign of the gradient",
                   "negative gradients", "positive gradients", "relu derivative", "relu's derivative",
                   "derivative of the relu", "relu backward")),
    dict(id="U08_custom_loss_ignores_grad_output", side="port",
         args=port("08_custom_loss_ignores_grad_output.py", "Net", "--data", "random:32,5,2",
                   "--hidden-activation", "sigmoid", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the MSE is a custom torch.autograd.Function whose backward returns 2 (pred - y) / numel without "
                   "multiplying by grad_output; train_step's 0.5 * MSE.apply(out, y) therefore back-propagates the "
                   "full MSE's gradient, 2 times the half-MSE's (the 0.5 never reaches the gradients)",
         expected=("grad_output", "grad output", "upstream gradient", "incoming gradient", "chain rule",
                   "custom backward", "custom autograd", "autograd.function", "autograd function",
                   "ignores the 0.5", "0.5 outside", "the 0.5", "factor 2", "factor of 2", "twice",
                   "2 times", "two times", "doubled", "half-mse", "half mse", "half the mean")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="U09_leaky_derivative_plain_relu", side="numpy",
         args=numpy_net("09_leaky_derivative_plain_relu.py", "ReluRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:40,6", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--lr", "0.1"),
         mechanism="plain ReLU forward, max(z, 0), back-propagated with a derivative copied from leaky ReLU, "
                   "np.where(z > 0, 1, 0.01): 1% of the gradient leaks through every inactive unit, in both hidden "
                   "layers, where ReLU's derivative is 0",
         expected=("leaky", "0.01", "1e-2", "1%", "slope", "negative side", "negative part", "inactive",
                   "below zero", "z <= 0", "z < 0", "dead units", "should be 0", "should be zero",
                   "derivative of 0", "zero derivative", "leaks")),
    dict(id="U10_bias_grad_from_weight_grad", side="numpy",
         args=numpy_net("10_bias_grad_from_weight_grad.py", "TanhBinary", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="variable slip in backward: the hidden bias's gradient is dW1.sum(axis=0), the hidden weight "
                   "gradient summed over the inputs, instead of d1.sum(axis=0), the hidden delta summed over the rows",
         expected=("dw1", "dw1.sum", "weight gradient", "weight's gradient", "gradient of w1", "w1's gradient",
                   "from the weight", "instead of d1", "d1.sum", "summed over the inputs",
                   "sum over the inputs", "over the input", "variable slip", "wrong variable")),
    dict(id="U11_second_bias_left_out_forward", side="numpy",
         args=numpy_net("11_second_bias_left_out_forward.py", "TwoTanhRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:30,4", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "half-sse", "--lr", "0.01"),
         mechanism="the second hidden layer's pre-activation is h1 @ W2 without + b2, while the backward pass and the "
                   "update still train b2: b2 moves but never enters the forward pass",
         expected=("b2 missing", "missing b2", "without b2", "b2 is not used", "b2 never", "b2 unused",
                   "b2 has no effect", "bias missing", "missing bias", "without the bias", "without its bias", "bias left out",
                   "bias is not added", "bias not added", "bias is never added", "bias never used",
                   "bias is not used", "never enters", "unused bias", "h1 @ w2", "+ b2", "+ self.b2")),
    dict(id="U12_adam_correction_power_of_difference", side="numpy",
         args=numpy_net("12_adam_correction_power_of_difference.py", "AdamSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:48,6,3", "--batch-size", "16", "--hidden-activation", "sigmoid",
                        "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's bias-correction helper divides by (1 - beta) ** t instead of 1 - beta ** t, the power "
                   "taken of the difference: equal on step 1, then (1 - beta2)^2 = 1e-6 against 1 - beta2^2 = 0.002 "
                   "(and 0.01 against 0.19 for m), the corrections shrinking geometrically",
         expected=("(1 - beta) **", "(1 - beta)**", "(1-beta)**", "(1 - β)^t", "(1-β)^t", "(1 - beta)^t",
                   "(1-beta)^t", "1 - beta ** t", "1 - beta**t", "1 - β^t", "1-β^t", "bias correction",
                   "bias-correction", "parenthes", "1e-6", "0.002", "0.19",
                   "geometric")),
    dict(id="U13_bias_update_without_lr", side="numpy",
         args=numpy_net("13_bias_update_without_lr.py", "ReluSigmoidMSE", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--batch-size", "10", "--hidden-activation", "relu",
                        "--loss", "mse", "--lr", "0.05"),
         mechanism="the biases' update lost its learning rate, b -= g, while the weights step by lr * g: with "
                   "lr = 0.05 every bias moves 1 / lr = 20 times too far",
         expected=("without the learning rate", "missing the learning rate",
                   "learning rate missing", "lr missing", "missing lr", "without lr", "20 times", "20x", "×20",
                   "factor 20", "factor of 20", "1/lr", "1 / lr", "1 / 0.05", "unit step", "lr * g", "lr*g", "biases only",
                   "only the biases", "bias update", "biases move", "b1 and b2")),
    dict(id="U14_label_column_fancy_index", side="numpy",
         args=numpy_net("14_label_column_fancy_index.py", "ScoresNet", "--step", "net.train_step(X, y)",
                        "--data", "random:40,4,3", "--batch-size", "10", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="cs231n-style softmax backward subtracts the target's 1 with dscores[:, labels] -= 1 instead of "
                   "dscores[np.arange(n), labels] -= 1: every row gets -1 in every class that is some row's label "
                   "(usually all), so the logit gradient is (p - 1) / n instead of (p - y) / n",
         expected=("[:, labels]", "[:,labels]", "np.arange(n)", "range(n)", "arange", "fancy index", "fancy-index",
                   "indexing", "every class", "all classes", "every column", "all columns",
                   "p - 1", "p-1", "instead of p - y", "subtracts 1", "subtract 1", "-= 1",
                   "each row's own", "its own label", "own class")),
    dict(id="U15_fan_in_scale_in_forward", side="numpy",
         args=numpy_net("15_fan_in_scale_in_forward.py", "ScaledSigmoid", "--step", "net.train_step(X, y)",
                        "--data", "random:36,6", "--hidden-activation", "sigmoid", "--loss", "bce-sum",
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.02"),
         mechanism="LeCun's initialisation scale put into the forward pass: the first layer computes "
                   "X @ W1 / sqrt(fan_in) + b1, the weights' contribution divided by sqrt(6) = 2.449 every step, "
                   "while the backward pass takes X.T @ d1 unscaled as W1's gradient",
         expected=("sqrt(fan_in)", "sqrt(6)", "√6", "2.449", "2.45", "0.408", "0.41", "fan_in", "fan-in", "fan in",
                   "lecun", "initialis", "initializ", "init scale", "scaled pre-activation", "pre-activation is scaled",
                   "scales the pre-activation", "scaling of the first layer", "first layer is scaled", "1/sqrt", "1 / sqrt", "ntk")),
    dict(id="U16_sigmoid_for_softmax_output", side="numpy",
         args=numpy_net("16_sigmoid_for_softmax_output.py", "TanhThreeWay", "--step", "net.train_step(X, y)",
                        "--data", "random:42,5,3", "--batch-size", "14", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "ema-momentum",
                        "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the output layer applies the sigmoid helper per class where a softmax belongs: the three outputs "
                   "are independent sigmoid(z_k), not normalised to sum to one, and the cross-entropy and its delta "
                   "(p - y) / n are taken on them",
         expected=("sigmoid instead", "sigmoid per", "sigmoids", "sigmoid output", "sigmoid at the output",
                   "sigmoid on the output", "independent sigmoid", "logistic", "instead of softmax", "instead of a softmax", "not softmax",
                   "not a softmax", "per class", "per-class", "each class", "independent", "not normalised",
                   "not normalized", "unnormalised", "unnormalized", "sum to one", "sum to 1")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="U17_correct_port_custom_autograd", side="correct",
         args=port("correct_01_port_custom_autograd.py", "AutogradNet",
                   "--torch-param", "w.0=W1", "--torch-param", "b.0=b1",
                   "--torch-param", "w.1=W2", "--torch-param", "b.1=b2",
                   "--torch-param", "w.2=W3", "--torch-param", "b.2=b3",
                   "--data", "random:32,4", "--hidden-activation", "tanh", "--output-activation", "linear",
                   "--loss", "half-sse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: raw (in, out) weights in nn.ParameterLists applied with torch.addmm (paired with "
                   "--torch-param), tanh as a custom autograd.Function (backward grad * (1 - y^2)), and the loss "
                   "0.5 * SSE.apply(out, y) through a custom Function whose backward multiplies by grad_output; "
                   "the kit's Adam", expected=()),
    dict(id="U18_correct_mean_shift_add_at", side="correct",
         args=numpy_net("correct_02_mean_shift_add_at.py", "MeanShiftSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:48,5,4", "--batch-size", "12", "--shuffle",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="NumPy: parameters in one dict, softmax shifted by each row's mean (shift invariance), ReLU mask "
                   "from np.greater, the target's -1 scattered with np.add.at at (row, label) from np.nonzero(y), "
                   "heavy-ball momentum updated in place with out= ufuncs, shuffled mini-batches", expected=()),
    dict(id="U19_correct_tanh_half_angle_sigmoid", side="correct",
         args=numpy_net("correct_03_tanh_half_angle_sigmoid.py", "HalfAngleNet", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5", "--hidden-activation", "sigmoid", "--loss", "bce-sum",
                        "--lr", "0.05"),
         mechanism="NumPy: samples as columns, (out, in) weights and (h, 1) biases, sigmoid through the half-angle "
                   "identity (1 + tanh(z / 2)) / 2 with derivative (1 - tanh(z / 2)^2) / 4, summed BCE from the "
                   "logit, plain gradient descent", expected=()),
]
