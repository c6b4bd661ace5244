"""Eleventh fresh held-out set for the diagnosis: one planted bug per program in fresh11/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh11_cases

Each case:
    id          short name (prefixed T)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, its measurements or the
diagnosis's own tests), and validated by exit status alone, never by reading a diagnosis. The
mechanisms differ from those of the development set (cases.py), fresh/, fresh2/, ...,
fresh10/. Each buggy program was checked to fail (exit 1) and its fix (the bug line the only
difference) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh11/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="T01_hidden_features_l2_normalised", side="port",
         args=port("01_hidden_features_l2_normalised.py", "Net", "--data", "random:40,5,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="forward from a cosine-classifier recipe L2-normalises each row's hidden features, "
                   "F.normalize(h, dim=1), before the output layer; the NumPy network feeds the raw ReLU "
                   "activations to its output layer",
         expected=("normalize", "normalise", "normaliz", "normalis", "l2 norm", "l2-norm", "unit norm", "unit length",
                   "norm of each row", "row norm", "divided by its norm", "divides by the norm",
                   "divided by the norm", "cosine", "metric learning", "metric-learning", "embedding",
                   "hidden features", "f.normalize", "||h||", "|h|")),
    dict(id="T02_entropy_bonus", side="port",
         args=port("02_entropy_bonus.py", "Net", "--data", "random:36,4,4", "--batch-size", "12",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce-sum",
                   "--lr", "0.05"),
         mechanism="train_step from policy-gradient code subtracts an entropy bonus, ENTROPY_COEF = 0.01 "
                   "times the summed entropy of the predicted distributions, from the summed cross-entropy; "
                   "the NumPy network minimises the cross-entropy alone",
         expected=("entropy bonus", "entropy term", "entropy regulari", "entropy penalty", "minus the entropy",
                   "- 0.01", "0.01 *", "entropy_coef", "confidence penalty", "policy gradient",
                   "policy-gradient", "reinforcement", "extra term", "additional term",
                   "-p log p", "p log p", "p * log p", "maximum entropy")),
    dict(id="T03_ema_via_dampening_first_step", side="port",
         args=port("03_ema_via_dampening_first_step.py", "Net", *OPT, "--data", "random:36,6",
                   "--hidden-activation", "sigmoid", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="the NumPy network's EMA momentum (v = beta v + (1 - beta) g from zero) is ported as "
                   "torch.optim.SGD(momentum=0.9, dampening=0.9); torch starts the momentum buffer as the "
                   "first gradient undampened, so the first step is lr g instead of 0.1 lr g and the buffer "
                   "carries that excess on (decaying by 0.9 a step)",
         expected=("dampening", "first gradient", "buffer starts", "buffer initiali", "initial buffer",
                   "undampened", "un-dampened", "not dampened", "from zero", "zero velocity", "zero buffer",
                   "10 times", "10x", "ten times", "factor 10", "1 - beta", "1 - β", "(1 - 0.9)",
                   "moving average")),
    dict(id="T04_gather_wrong_dim", side="port",
         args=port("04_gather_wrong_dim.py", "Net", "--data", "random:48,6,3", "--batch-size", "16",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written cross-entropy picks each row's log-probability with log_p.gather(0, labels), "
                   "along the rows instead of dim=1 (the classes): row i reads log_p[label_i, 0], class 0's "
                   "log-probability of the row whose index is its label",
         expected=("gather", "dim=0", "dim 0", "axis 0", "axis=0", "wrong axis", "wrong dimension",
                   "wrong dim", "along the rows", "along the batch", "over the batch", "instead of dim=1",
                   "first column", "column 0", "label_i",
                   "wrong rows", "wrong entries", "wrong log-prob", "wrong log prob")),
    dict(id="T05_gradient_centralisation", side="port",
         args=port("05_gradient_centralisation.py", "Net", "--data", "random:36,5",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="train_step applies gradient centralisation before optimizer.step(): each weight matrix's "
                   "gradient has its mean over the inputs subtracted row by row, grad -= grad.mean(dim=1, "
                   "keepdim=True); the biases and the NumPy network's gradients are left as they are",
         expected=("centralis", "centraliz", "centred", "centered", "centering", "centring", "mean subtracted",
                   "subtracts the mean", "subtracting the mean", "minus the mean", "mean removed", "zero-mean",
                   "zero mean", "grad.mean", "mean of the gradient", "gradient's mean", "mean over the inputs",
                   "mean of each row", "row mean", "yong", "modified gradient", "gradient modification",
                   "weights only", "not the biases", "biases unaffected")),
    dict(id="T06_lookahead_wrapper", side="port",
         args=port("06_lookahead_wrapper.py", "Net", *OPT, "--data", "random:32,4",
                   "--hidden-activation", "sigmoid", "--output-activation", "sigmoid", "--loss", "bce-sum",
                   "--lr", "0.1"),
         mechanism="make_optimizer wraps SGD in Lookahead (k = 5, alpha = 0.5): every fifth step the slow "
                   "weights move half-way to the fast weights and the fast weights are reset to them; the "
                   "NumPy network runs plain SGD (equal for steps 1 to 4, off at step 5)",
         expected=("lookahead", "look-ahead", "slow weights", "fast weights", "slow weight", "every 5",
                   "every fifth", "every 5th", "k=5", "k = 5", "step 5", "periodic", "every few steps",
                   "interpolat", "alpha = 0.5", "alpha=0.5", "half-way", "halfway", "pulled back",
                   "zhang", "wrapper")),
    dict(id="T07_atan_for_tanh", side="port",
         args=port("07_atan_for_tanh.py", "Net", "--data", "random:30,3",
                   "--hidden-activation", "tanh", "--output-activation", "sigmoid", "--loss", "sse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="typo (tab completion) in forward: the second hidden layer calls torch.atan instead of "
                   "torch.tanh, so it computes arctan(z) (range +/- pi/2, derivative 1 / (1 + z^2)); the first "
                   "hidden layer is right",
         expected=("atan", "arctan", "arc tangent", "arctangent", "inverse tangent", "tan^-1", "tan⁻¹",
                   "pi/2", "π/2", "1 / (1 + z", "1/(1+z", "typo", "second hidden layer",
                   "instead of tanh", "not tanh", "wrong activation", "another activation",
                   "different activation")),
    dict(id="T08_multilabel_targets_collapsed", side="port",
         args=port("08_multilabel_targets_collapsed.py", "Net", "--data", "random:40,4,3",
                   "--hidden-activation", "relu", "--output-activation", "sigmoid", "--loss", "bce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="train_step turns the multi-label 0/1 targets into one-hot rows with "
                   "F.one_hot(y.argmax(dim=1)): each row keeps only its first positive label and a row with "
                   "none becomes class 0; the NumPy network trains on the targets as given",
         expected=("one_hot", "one-hot", "one hot", "argmax", "multi-label", "multilabel", "multi label",
                   "single-label", "single label", "first positive", "first label", "only one label",
                   "one label per row", "targets changed", "targets are changed", "modified targets",
                   "targets modified", "different targets", "wrong targets", "target encoding",
                   "re-encod", "recod", "class 0")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="T09_batch_never_assigned", side="numpy",
         args=numpy_net("09_batch_never_assigned.py", "NeuralNetwork", "--step", "net.train_step(X, y)",
                        "--data", "random:48,4", "--batch-size", "12", "--hidden-activation", "sigmoid",
                        "--loss", "sse", "--lr", "0.1"),
         mechanism="train_step stores its mini-batch in self.batch, which nothing reads; feedforward and "
                   "backprop use self.input and self.y, the arrays given to the constructor, so every step "
                   "trains on the whole data set (48 rows) instead of the batch of 12",
         expected=("whole data", "full data", "entire data", "all 48", "48 rows", "full batch", "whole batch",
                   "not the mini-batch", "not the batch", "instead of the batch", "instead of the mini-batch",
                   "ignores the batch", "ignores its batch", "never assigned", "self.input", "constructor",
                   "stored at construction", "same data every step", "4 times", "4x", "factor 4",
                   "four times")),
    dict(id="T10_mean_divisor_n_minus_one", side="numpy",
         args=numpy_net("10_mean_divisor_n_minus_one.py", "ReluMSE", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="the MSE's output delta divides by len(X) - 1 (the unbiased ddof=1 divisor from statistics "
                   "code) instead of len(X): every gradient is n / (n - 1) = 36/35 = 1.029 times the mean's",
         expected=("n - 1", "n-1", "len(x) - 1", "len(x)-1", "ddof", "unbiased", "bessel", "36/35", "36 / 35",
                   "1.029", "1.03", "1.0286", "off by one", "off-by-one", "divisor", "divided by n - 1",
                   "one fewer")),
    dict(id="T11_gradients_not_reversed", side="numpy",
         args=numpy_net("11_gradients_not_reversed.py", "SquareTanh", "--step", "net.train_step(X, y)",
                        "--data", "random:40,4,4", "--hidden-activation", "tanh", "--output-activation", "softmax",
                        "--loss", "ce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="every layer 4 wide; the backward loop collects the gradients output layer first and the "
                   "update enumerates them as if in layer order (reversed() forgotten): W1/b1 step with the "
                   "output layer's gradients and W3/b3 with the first layer's (W2/b2 are right)",
         expected=("reversed", "reverse order", "reversed order", "wrong order", "order of the gradients",
                   "gradients' order", "swapped", "exchanged", "interchanged", "w1 and w3", "w3 and w1",
                   "b1 and b3", "b3 and b1", "first and last", "last and first", "output layer's gradient",
                   "w3's gradient", "w1's gradient", "another layer's gradient", "other layer's gradient",
                   "wrong layer", "permut")),
    dict(id="T12_output_attribute_typo", side="numpy",
         args=numpy_net("12_output_attribute_typo.py", "NeuralNetwork", "--data", "random:24,3",
                        "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-sse",
                        "--lr", "0.05"),
         mechanism="typo in feedforward: the prediction is stored in self.ouput while backprop reads self.output, "
                   "still np.zeros(y.shape) from __init__: every step back-propagates the error 0 - y of an "
                   "all-zero prediction instead of output - y",
         expected=("typo", "ouput", "misspel", "self.output", "zero output", "zeros", "all-zero", "all zero",
                   "output of zero", "output is zero", "prediction of zero", "0 - y", "stale output",
                   "never updated output", "attribute", "initial output", "output from __init__",
                   "independent of the weights", "does not depend on the output")),
    dict(id="T13_relu_derivative_leaky_floor", side="numpy",
         args=numpy_net("13_relu_derivative_leaky_floor.py", "DeepReluBCE", "--step", "net.train_step(X, y)",
                        "--data", "random:36,6", "--hidden-activation", "relu", "--loss", "bce",
                        "--lr", "0.5"),
         mechanism="the ReLU derivative helper, copied from a leaky-ReLU network, returns 0.01 for inactive units "
                   "instead of 0 while the forward pass is the plain ReLU: each inactive unit passes 1% of its "
                   "back-propagated error, in both hidden layers",
         expected=("leaky", "0.01", "1%", "1 %", "one percent", "inactive units", "inactive unit",
                   "negative units", "dead units", "z <= 0", "z < 0", "where the unit is off", "slope",
                   "relu derivative", "derivative of the relu", "relu's derivative", "relu'", "mask")),
    dict(id="T14_adabelief_second_moment", side="numpy",
         args=numpy_net("14_adabelief_second_moment.py", "AdamSigmoidSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5,3", "--batch-size", "10", "--hidden-activation", "sigmoid",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's second moment accumulates AdaBelief's (g - m)^2, the squared deviation of the gradient "
                   "from its running mean, instead of g^2 (0.81 g^2 on step 1, where m = 0.1 g: the first step "
                   "is 1/0.9 = 1.11 times Adam's)",
         expected=("adabelief", "belief", "(g - m)", "(g-m)", "g - m", "deviation", "centered second moment",
                   "centred second moment", "variance of the gradient", "gradient variance",
                   "0.81", "1.11", "1/0.9", "0.9 times")),
    dict(id="T15_update_rebinds_loop_variable", side="numpy",
         args=numpy_net("15_update_rebinds_loop_variable.py", "TanhBCE", "--step", "net.train_step(X, y)",
                        "--data", "random:30,4", "--hidden-activation", "tanh", "--loss", "bce-sum",
                        "--lr", "0.1"),
         mechanism="the update loop rebinds its loop variable, param = param - lr * grad, making a new array "
                   "that is dropped: no parameter ever changes (the in-place param -= lr * grad was meant)",
         expected=("rebind", "re-bind", "rebound", "loop variable", "local variable", "new array", "in place",
                   "in-place", "-=", "never updated", "not updated", "never changes", "never change",
                   "no update", "never moves", "never move", "unchanged", "frozen", "never applied",
                   "update is lost", "update lost", "discarded", "dropped")),
    dict(id="T16_cached_transpose_stale", side="numpy",
         args=numpy_net("16_cached_transpose_stale.py", "SigmoidEMA", "--step", "net.train_step(X, y)",
                        "--data", "random:32,5", "--batch-size", "8", "--hidden-activation", "sigmoid",
                        "--output-activation", "linear", "--loss", "mse", "--optimizer", "ema-momentum",
                        "--momentum", "0.9", "--lr", "0.5"),
         mechanism="__init__ caches self._W2T = self.W2.T for the backward pass, but the update rebinds self.W2 "
                   "to a new array each step: the hidden delta is back-propagated through the cached, stale "
                   "output weight instead of the current W2",
         expected=("stale", "cached", "cache", "_w2t", "old w2", "outdated", "out of date", "previous w2",
                   "initial w2", "earlier w2", "w2 from", "old weight", "old value", "copy of w2", "not the current", "instead of the current", "current weight",
                   "current w2", "rebind", "rebound", "new array")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="T17_correct_port_two_class_bce_on_softmax", side="correct",
         args=port("correct_01_port_two_class_bce_on_softmax.py", "TwoClassNet", "--data", "random:40,5,2",
                   "--batch-size", "10", "--shuffle", "--hidden-activation", "tanh",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: two classes, train_step takes F.binary_cross_entropy of the softmax probabilities "
                   "against the one-hot targets, averaged over both columns: with p2 = 1 - p1 and y2 = 1 - y1 each "
                   "column's BCE is the row's cross-entropy, so the mean is the mean cross-entropy; the kit's "
                   "Nesterov, shuffled mini-batches", expected=()),
    dict(id="T18_correct_complex_step_gradients", side="correct",
         args=numpy_net("correct_02_complex_step_gradients.py", "ComplexStepNet", "--step", "net.train_step(X, y)",
                        "--data", "random:24,3", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="NumPy: no backward pass; every gradient entry by complex-step differentiation, "
                   "Im L(w + i h) / h with h = 1e-30, evaluated in complex128 and cast back to the parameters' "
                   "dtype; parameters in a dict, tanh hidden layer, linear output, MSE, Adam", expected=()),
    dict(id="T19_correct_port_dist_squared_folded_momentum", side="correct",
         args=port("correct_03_port_dist_squared_folded_momentum.py", "SeqNet", *OPT, "--data", "random:30,4",
                   "--hidden-activation", "sigmoid", "--output-activation", "sigmoid", "--loss", "sse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="port: nn.Sequential built from a list, the summed squared error as torch.dist(out, y) ** 2, "
                   "and a hand-written heavy-ball torch.optim.Optimizer that folds the learning rate into its "
                   "velocity (u = mu u + lr g; p -= u), lr times torch's buffer at a constant rate", expected=()),
]
