"""Fresh held-out cases for the diagnosis: one planted bug per program in fresh/ (seven
PyTorch ports checked against the kit's NumPy network, five NumPy programs checked against
the kit's torch twin). Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh_cases

Each case:
    id          short name (prefixed F)
    side        "port" or "numpy"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output

Written without reading the kit's diagnosis rules.
"""

from case_args import in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="F01_sgd_dampening", side="port",
         args=port("01_sgd_dampening.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="SGD(momentum=0.9, dampening=0.9) in the port; the NumPy network runs undampened heavy-ball momentum",
         expected=("dampening", "1 - dampening", "(1 - d)", "ema-momentum", "moving average")),
    dict(id="F02_leaky_relu_hidden", side="port",
         args=port("02_leaky_relu_hidden.py", "Net", "--data", "random:32,4", "--hidden-activation", "relu",
                   "--output-activation", "linear", "--loss", "mse", "--lr", "0.05"),
         mechanism="F.leaky_relu(negative_slope=0.1) in the port's hidden layer where the NumPy network uses ReLU",
         expected=("leaky", "negative slope", "negative_slope", "activation differs", "different activation",
                   "activation mismatch")),
    dict(id="F03_step_before_backward", side="port",
         args=port("03_step_before_backward.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="optimizer.step() before loss.backward(): each step applies the previous step's gradients "
                   "(one step late; the first step moves nothing)",
         expected=("previous step", "one step late", "stale", "lagging", "lags", "before backward", "before loss.backward",
                   "order of", "wrong order")),
    dict(id="F04_standardise_in_forward", side="port",
         args=port("04_standardise_in_forward.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="the port standardises X ((x - mean) / std over the batch) inside forward; the NumPy network does not",
         expected=("normalis", "normaliz", "standardis", "standardiz", "preprocess", "input scaling",
                   "inputs scaled", "inputs are scaled")),
    dict(id="F05_momentum_on_plain_sgd", side="port",
         args=port("05_momentum_on_plain_sgd.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--lr", "0.5"),
         mechanism="SGD(momentum=0.9) in the port where the NumPy network runs plain gradient descent",
         expected=("momentum", "velocity")),
    dict(id="F06_bce_positive_weight", side="port",
         args=port("06_bce_positive_weight.py", "Net", "--data", "random:32,4", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="F.binary_cross_entropy(weight=3 where y > 0.5, else 1): the port weights positive rows 3x",
         expected=("weight=", "weighted", "pos_weight", "class weight", "per-row", "per-sample",
                   "positive class", "positive rows")),
    dict(id="F07_nll_on_probabilities", side="port",
         args=port("07_nll_on_probabilities.py", "Classifier", "--data", "random:48,5,3", "--hidden-activation",
                   "relu", "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="F.nll_loss on softmax probabilities: the log is missing, the loss is -p[target]",
         expected=("nll", "missing log", "log(", "log-probab", "log probab", "log_softmax")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="F08_stale_hidden_delta", side="numpy",
         args=numpy_net("08_stale_hidden_delta.py", "StaleNet", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--lr", "0.5"),
         mechanism="W1 and b1 updated with the hidden delta kept from the previous step (zero on the first)",
         expected=("previous step", "one step late", "stale", "lagging", "lags")),
    dict(id="F09_tanh_deriv_of_activation_twice", side="numpy",
         args=numpy_net("09_tanh_deriv_of_activation_twice.py", "TanhClassifier", "--step", "net.train(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="tanh derivative 1 - tanh(a)**2 given the activation a = tanh(z): tanh applied twice",
         expected=("derivative", "tanh'", "twice", "tanh(a)")),
    dict(id="F10_softmax_over_batch_axis", side="numpy",
         args=numpy_net("10_softmax_over_batch_axis.py", "SoftmaxNet", "--step", "net.step(X, y)",
                        "--data", "random:48,5,3", "--hidden-activation", "relu", "--output-activation", "softmax",
                        "--loss", "ce", "--lr", "0.5"),
         mechanism="softmax normalised over axis=0 (the batch) instead of over each row's classes",
         expected=("axis", "over the batch", "column", "wrong dimension", "dim=0", "axis=0")),
    dict(id="F11_adam_step_count_frozen", side="numpy",
         args=numpy_net("11_adam_step_count_frozen.py", "AdamMLP", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's step counter t stays 1 (never incremented): bias correction of the first step every step",
         expected=("step count", "counter", "timestep", "time step", "bias correction", "bias-correction",
                   "correction")),
    dict(id="F12_velocity_never_applied", side="numpy",
         args=numpy_net("12_velocity_never_applied.py", "MomentumNet", "--step", "net.train(X, y)",
                        "--data", "random:32,4", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="momentum velocity accumulated but the update subtracts lr * g: plain SGD where momentum is meant",
         expected=("velocity", "no momentum", "without momentum", "plain sgd", "plain gradient")),
]
