"""Fifth fresh held-out set for the diagnosis: one planted bug per program in fresh5/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh5_cases

Each case:
    id          short name (prefixed K)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/, fresh3/ and fresh4/. Each buggy program was
checked to fail (exit 1) and its fix (the bug the only difference) to pass (exit 0) under the
same arguments.
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh5/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="K01_ce_arguments_swapped", side="port",
         args=port("01_ce_arguments_swapped.py", "TabularNet", "--data", "random:45,5,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="nn.CrossEntropyLoss called as criterion(y, logits): input and target swapped, the one-hot "
                   "labels are read as logits and the model's logits as class probabilities (torch "
                   "differentiates the target)",
         expected=("swapped", "swap", "argument order", "order of the arguments", "arguments reversed",
                   "input and target", "target and input", "labels as the input", "labels as input",
                   "targets as the input", "target as the input", "labels as logits", "labels as the logits",
                   "logits as the target", "logits as targets", "logits as probabilities",
                   "predictions as the target", "predictions as targets", "criterion(y")),
    dict(id="K02_first_layer_reused", side="port",
         args=port("02_first_layer_reused.py", "MLP", "--data", "random:32,6", "--loss", "sse", "--lr", "0.1"),
         mechanism="two equal-width sigmoid hidden layers; forward applies self.fc1 twice (copy-paste), so "
                   "fc1 is shared by both layers and fc2 is never used (no gradient, never moves)",
         expected=("reused", "reuse", "shared", "sharing", "tied", "applied twice", "used twice", "same layer",
                   "never used", "unused", "not used", "fc2", "copy-paste", "copied", "no gradient",
                   "gets no gradient", "never moves", "never updated", "not updated")),
    dict(id="K03_smooth_l1_for_mse", side="port",
         args=port("03_smooth_l1_for_mse.py", "Regressor", "--data", "random:48,4", "--hidden-activation", "tanh",
                   "--output-activation", "linear", "--loss", "mse", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.05"),
         mechanism="nn.SmoothL1Loss (Huber, beta=1) as the criterion where the NumPy network minimises the MSE: "
                   "0.5 * mean(err^2) for errors below 1, every gradient halved",
         expected=("smoothl1", "smooth l1", "smooth_l1", "huber", "half", "factor 2", "factor of 2", "2 times",
                   "two times", "twice")),
    dict(id="K04_output_fed_input", side="port",
         args=port("04_output_fed_input.py", "Net", "--data", "random:32,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="variable slip in forward: the output layer is applied to the input x instead of the hidden "
                   "activation h (input width = hidden width), the hidden layer is computed and never used",
         expected=("input instead of", "instead of the hidden", "skips the hidden", "skip", "bypass",
                   "hidden layer unused", "hidden layer is unused", "hidden layer not used", "never used",
                   "unused", "not used", "fed the input", "fed x", "self.output(x)", "no gradient",
                   "never moves", "never updated", "not updated")),
    dict(id="K05_bce_with_logits_multiclass", side="port",
         args=port("05_bce_with_logits_multiclass.py", "Classifier", "--data", "random:60,6,4",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="nn.BCEWithLogitsLoss on the logits and one-hot targets (one sigmoid per class, mean over rows "
                   "and classes) where the NumPy network minimises softmax cross-entropy",
         expected=("bcewithlogits", "bce with logits", "binary cross-entropy", "binary cross entropy", "bce",
                   "sigmoid per class", "independent sigmoid", "one-vs-rest", "one vs rest", "multi-label",
                   "multilabel", "sigmoid instead of softmax", "instead of softmax", "sigmoid output")),
    dict(id="K06_mean_before_square", side="port",
         args=port("06_mean_before_square.py", "DeepRegressor", "--data", "random:40,4",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                   "--lr", "0.05"),
         mechanism="hand-written MSE torch.mean(pred - y) ** 2: the square of the mean error, not the mean of the "
                   "squared errors (misplaced parenthesis), every row gets the output gradient 2 mean(err) / n",
         expected=("mean before", "square of the mean", "squared mean", "mean error", "mean of the error",
                   "parenthes", "bracket", "precedence", "same gradient for every row", "every row the same",
                   "same output gradient", "mean(err)", "mean(pred - y)")),
    dict(id="K07_momentum_buffer_double_first_step", side="port",
         args=port("07_momentum_buffer_double_first_step.py", "Net", *OPT, "--data", "random:32,4",
                   "--loss", "half-sse", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written heavy-ball optimizer initialises its buffer with the gradient and then also "
                   "applies buf = mu buf + g on that first step: the first step moves (1 + mu) g, the extra mu g "
                   "stays in the buffer",
         expected=("momentum buffer", "momentum_buffer", "velocity", "1.9", "1 + mu", "1 + μ", "1+mu", "1+μ",
                   "(1 + μ)", "initialised with the gradient", "initialized with the gradient", "initial buffer",
                   "initial velocity", "buffer initiali", "first update", "counted twice", "applied twice")),
    dict(id="K08_softmax_single_output", side="port",
         args=port("08_softmax_single_output.py", "BinaryNet", "--data", "random:40,5", "--loss", "bce",
                   "--lr", "0.5"),
         mechanism="nn.Softmax(dim=1) on the single output unit where the NumPy network has a sigmoid: every "
                   "prediction is 1.0, independent of the input, and no gradient flows back",
         expected=("softmax", "single output", "single column", "one column", "one output", "constant output",
                   "output is constant", "constant 1", "always 1", "equal to 1", "all ones", "no gradient",
                   "sigmoid instead", "instead of a sigmoid", "instead of the sigmoid")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="K09_output_grad_from_preactivation", side="numpy",
         args=numpy_net("09_output_grad_from_preactivation.py", "NeuralNet", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="output weight's gradient z1.T @ dz2 from the cached hidden pre-activation instead of the "
                   "activation a1 = tanh(z1) the output layer receives",
         expected=("pre-activation", "preactivation", "pre activation", "z1", "before the activation",
                   "instead of the activation", "not the activation", "z instead of a", "unactivated",
                   "un-activated", "raw hidden", "cache")),
    dict(id="K10_minibatch_divides_by_dataset_size", side="numpy",
         args=numpy_net("10_minibatch_divides_by_dataset_size.py", "SoftmaxNet", "--step", "net.minibatch_step(X, y)",
                        "--data", "random:64,5,3", "--batch-size", "16", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="gradients divided by m = X.shape[0] stored at construction (the whole data set, 64 rows) "
                   "instead of the mini-batch's 16 rows: every gradient 4 times too small",
         expected=("data set size", "dataset size", "full data", "whole data", "training set size", "all rows",
                   "number of training examples", "total rows", "batch size", "mini-batch size",
                   "minibatch size", "batch's rows", "factor 4", "factor of 4", "4 times", "4x", "×4", "1/4",
                   "self.m")),
    dict(id="K11_argmax_without_axis", side="numpy",
         args=numpy_net("11_argmax_without_axis.py", "TwoLayerNet", "--step", "net.train_step(X, y)",
                        "--data", "random:60,4,3", "--hidden-activation", "relu", "--output-activation", "softmax",
                        "--loss", "ce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="labels taken as np.argmax(y) without axis=1: the flat index of the first 1, row 0's class, "
                   "used as every row's label in dscores[range(n), labels] -= 1",
         expected=("argmax", "axis=1", "without axis", "labels", "same class", "single class",
                   "one class for every", "class of the first row", "first row's class", "row 0", "wrong class",
                   "wrong label", "wrong target", "one-hot decod")),
    dict(id="K12_adam_correction_parentheses", side="numpy",
         args=numpy_net("12_adam_correction_parentheses.py", "DeepTanhAdam", "--step", "net.train_step(X, y)",
                        "--data", "random:32,5", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's first-moment bias correction written m / 1 - beta1 ** t (missing parentheses), i.e. "
                   "m - beta1^t instead of m / (1 - beta1^t)",
         expected=("parenthes", "precedence", "bracket", "m / 1", "m - beta1", "m - β1", "bias correction",
                   "bias-correction", "m_hat", "m̂", "first moment", "exp_avg ", "exp_avg,", "exp_avg)")),
    dict(id="K13_adam_step_count_per_parameter", side="numpy",
         args=numpy_net("13_adam_step_count_per_parameter.py", "AdamRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:40,4", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "adam", "--lr", "0.005"),
         mechanism="Adam's step counter t incremented inside the loop over the 4 parameters, once per parameter "
                   "instead of once per step: wrong bias corrections (t = 1..4 on the first step)",
         expected=("step count", "step counter", "counter", "t increment", "incremented", "per parameter",
                   "once per parameter", "each parameter", "bias correction", "bias-correction", "1 - β^t",
                   "beta1 ** t", "β1^t", "wrong t", "step number", "timestep", "time step")),
    dict(id="K14_momentum_weights_only", side="numpy",
         args=numpy_net("14_momentum_weights_only.py", "NeuralNetwork", "--step", "net.train(X, y)",
                        "--data", "random:32,3", "--loss", "sse", "--optimizer", "momentum", "--momentum", "0.9",
                        "--lr", "0.1"),
         mechanism="momentum velocities kept for the weights only; the biases are updated by plain gradient "
                   "descent",
         expected=("biases without momentum", "bias without momentum", "no momentum on the bias",
                   "no momentum for the bias", "no velocity for the bias", "bias velocity", "biases' velocity",
                   "plain sgd for the bias", "biases by plain", "bias plain", "weights only", "only the weights",
                   "momentum on the weights", "bias update", "bias updates", "biases move", "biases step",
                   "plain gradient descent")),
    dict(id="K15_hidden_delta_from_raw_error", side="numpy",
         args=numpy_net("15_hidden_delta_from_raw_error.py", "Network", "--step", "net.train(X, y)",
                        "--data", "random:24,3", "--loss", "half-sse", "--lr", "0.5"),
         mechanism="hidden error back-propagated from the raw output error (y - out) @ W2.T instead of the output "
                   "delta: the output sigmoid derivative is missing on the hidden path only",
         expected=("raw error", "output error instead", "error instead of the delta", "instead of the delta",
                   "output delta", "sigmoid derivative", "σ'", "o (1 - o)", "o(1-o)", "o (1-o)",
                   "missing derivative", "derivative missing", "missing the output", "activation derivative",
                   "activation-derivative", "hidden path", "hidden delta")),
    dict(id="K16_ema_momentum_bias_corrected", side="numpy",
         args=numpy_net("16_ema_momentum_bias_corrected.py", "ShallowNet", "--init", "ShallowNet(X.T, y.T)",
                        "--step", "net.iterate(X.T, y.T)", "--data", "random:32,4", "--hidden-activation", "relu",
                        "--loss", "bce", "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="exponentially weighted momentum with Adam-style bias correction v / (1 - beta^t) switched on, "
                   "where the reference momentum has none: early steps scaled up (10x on the first)",
         expected=("bias correction", "bias-correction", "corrected", "1 - β^t", "1 - beta^t", "1 - beta**t",
                   "1/(1 - β", "1 / (1 - β", "(1 - beta", "10x", "factor 10", "factor of 10", "10 times",
                   "moves with the step", "changes with the step", "varies with the step")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="K17_correct_port_setattr_layers_nll", side="correct",
         args=port("correct_01_port_setattr_layers_nll.py", "LoopNet", "--data", "random:64,5,3",
                   "--batch-size", "16", "--hidden-activation", "relu", "--output-activation", "softmax",
                   "--loss", "ce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: layers registered with setattr in a loop and applied with getattr, two ReLU hidden "
                   "layers, F.nll_loss(log_softmax(z), y.argmax(1)), mini-batches, Nesterov", expected=()),
    dict(id="K18_correct_heaviside_ema_two_relu", side="correct",
         args=numpy_net("correct_02_heaviside_ema_two_relu.py", "EmaReluRegressor", "--step", "net.step(X, y)",
                        "--param", "W[0]=W1", "--param", "b[0]=b1", "--param", "W[1]=W2", "--param", "b[1]=b2",
                        "--param", "W[2]=W3", "--param", "b[2]=b3",
                        "--data", "random:40,4", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "half-mse", "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy: parallel lists W and b, two ReLU layers with np.heaviside derivative, backward loop "
                   "over reversed(range(L)), half MSE, EMA momentum without bias correction", expected=()),
    dict(id="K19_correct_layer_objects_adam_ce_sum", side="correct",
         args=numpy_net("correct_03_layer_objects_adam_ce_sum.py", "Model", "--step", "net.fit_batch(X, y)",
                        "--param", "layers[0].W=W1", "--param", "layers[0].b=b1",
                        "--param", "layers[2].W=W2", "--param", "layers[2].b=b2",
                        "--data", "random:48,4,3", "--output-activation", "softmax", "--loss", "ce-sum",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="NumPy mini-framework: Dense/Sigmoid layer objects with forward/backward, a summed "
                   "softmax cross-entropy loss object, a separate Adam object keyed by (layer, name), in-place "
                   "updates", expected=()),
]
