"""Second fresh held-out set for the diagnosis: one planted bug per program in fresh2/ (six
PyTorch ports checked against the kit's NumPy network, six NumPy programs checked against
the kit's torch twin) and two correct programs in an unusual style. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh2_cases

Each case:
    id          short name (prefixed G)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules.
"""

from case_args import in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh2/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="G01_adam_recreated_each_step", side="port",
         args=port("01_adam_recreated_each_step.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="a new torch.optim.Adam is built inside train_step on every call: m, v and the step "
                   "count restart each step (every step is Adam's first)",
         expected=("recreat", "re-creat", "new optimizer", "fresh optimizer", "anew", "state reset",
                   "state is reset", "reset every", "restart", "first step", "every step is", "state lost",
                   "loses its state", "optimizer state")),
    dict(id="G02_bias_added_twice", side="port",
         args=port("02_bias_added_twice.py", "Net", "--data", "random:32,4", "--lr", "0.5"),
         mechanism="forward adds layer.bias by hand after nn.Linear already added it: every bias counted twice",
         expected=("bias twice", "bias added twice", "twice the bias", "2 b", "2b", "2 * b", "doubled bias",
                   "bias doubled", "bias is doubled", "counted twice", "added twice")),
    dict(id="G03_accumulation_not_divided", side="port",
         args=port("03_accumulation_not_divided.py", "Net", "--data", "random:32,4", "--hidden-activation", "relu",
                   "--output-activation", "linear", "--loss", "mse", "--lr", "0.05"),
         mechanism="gradient accumulation over 4 micro-batches, each mean loss back-propagated undivided: "
                   "gradients 4x the full-batch mean's",
         expected=("accumulat", "micro-batch", "microbatch", "micro batch", "factor 4", "factor of 4", "4 times",
                   "four times", "4x", "×4")),
    dict(id="G04_shuffle_inputs_only", side="port",
         args=port("04_shuffle_inputs_only.py", "Classifier", "--data", "random:48,5,3", "--hidden-activation",
                   "relu", "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="train_step permutes the rows of X with torch.randperm but not y: inputs and targets misaligned",
         expected=("shuffl", "permut", "misalign", "mismatched rows", "rows of x", "order of the rows",
                   "row order", "targets do not match", "pairing")),
    dict(id="G05_mse_for_bce", side="port",
         args=port("05_mse_for_bce.py", "Net", "--data", "random:32,4", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's criterion is nn.MSELoss where the NumPy network minimises binary cross-entropy",
         expected=("mse", "squared error", "mean squared", "--loss mse", "loss mse", "loss function",
                   "different loss", "wrong loss")),
    dict(id="G06_zero_grad_after_backward", side="port",
         args=port("06_zero_grad_after_backward.py", "Net", "--torch-optimizer", "make_optimizer(model, lr)",
                   "--data", "random:32,4", "--loss", "mse", "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.1"),
         mechanism="optimizer.zero_grad() between loss.backward() and optimizer.step(): step() sees zero "
                   "gradients, nothing is updated",
         expected=("zero_grad", "zero gradient", "gradients are zero", "cleared", "no-update", "no update",
                   "not updated", "never updated", "changed no", "never moves", "unchanged")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="G07_adam_v_with_g", side="numpy",
         args=numpy_net("07_adam_v_with_g.py", "AdamBinary", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's second moment accumulates g instead of g*g (sqrt of |v_hat| in the update)",
         expected=("g²", "g^2", "g*g", "g * g", "g**2", "g ** 2", "square of the gradient", "squared gradient",
                   "not squared", "unsquared", "second moment", "exp_avg_sq")),
    dict(id="G08_momentum_lr_twice", side="numpy",
         args=numpy_net("08_momentum_lr_twice.py", "MomentumMLP", "--step", "net.train(X, y)",
                        "--data", "random:32,4", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="velocity v = mu v + lr g and update W -= lr * v: the learning rate applied twice (lr²)",
         expected=("lr²", "lr^2", "lr**2", "lr * lr", "learning rate twice", "learning rate applied twice",
                   "learning rate squared", "squared learning rate", "lr twice", "twice")),
    dict(id="G09_relu_mask_ge_zero", side="numpy",
         args=numpy_net("09_relu_mask_ge_zero.py", "ReluSoftmax", "--step", "net.step(X, y)",
                        "--data", "random:48,5,3", "--hidden-activation", "relu", "--output-activation", "softmax",
                        "--loss", "ce", "--lr", "0.5"),
         mechanism="ReLU derivative mask (a >= 0) on the activation is always 1: gradient passes through every "
                   "hidden unit, as if linear",
         expected=("relu'", "relu derivative", "derivative of the relu", "relu's derivative", ">= 0", "mask",
                   "always 1", "identity", "linear", "inactive units", "dead units")),
    dict(id="G10_bias_grad_no_axis", side="numpy",
         args=numpy_net("10_bias_grad_no_axis.py", "TanhBCE", "--step", "net.train(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="hidden bias gradient np.sum(delta) without axis=0: one scalar (sum over rows and units) "
                   "subtracted from every hidden bias",
         expected=("axis", "scalar", "summed over all", "sum over all", "over the units", "all units",
                   "every unit", "same update", "same value")),
    dict(id="G11_derivative_of_next_layer", side="numpy",
         args=numpy_net("11_derivative_of_next_layer.py", "DeepSigmoid", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--lr", "0.5"),
         mechanism="backward loop takes the sigmoid derivative of acts[i + 1] (the layer above's activation) "
                   "instead of acts[i]: off by one layer",
         expected=("off by one", "off-by-one", "wrong layer", "layer above", "next layer", "another layer",
                   "neighbouring layer", "neighboring layer", "layer index", "shifted")),
    dict(id="G12_two_updates_per_step", side="numpy",
         args=numpy_net("12_two_updates_per_step.py", "TwoPass", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--lr", "0.5"),
         mechanism="train_step keeps an inner loop of 2 iterations: two gradient updates per step instead of one",
         expected=("two updates", "two steps", "2 steps", "two gradient steps", "updates per step",
                   "more than one update", "more than one step", "inner loop", "twice per step", "repeated")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="G13_correct_columns_einsum_softmax", side="correct",
         args=numpy_net("correct_01_columns_einsum_softmax.py", "ColumnNet", "--step", "net.step(X, y)",
                        "--data", "random:48,5,3", "--hidden-activation", "relu", "--output-activation", "softmax",
                        "--loss", "ce", "--lr", "0.5"),
         mechanism="NumPy: samples as columns, (out, in) weights, einsum gradients, softmax shifted by the "
                   "global max, mean cross-entropy", expected=()),
    dict(id="G14_correct_port_raw_params_softplus_bce", side="correct",
         args=port("correct_02_port_raw_params_softplus_bce.py", "LogitNet",
                   "--torch-optimizer", "make_optimizer(model, lr)",
                   "--torch-param", "A=W1", "--torch-param", "a=b1", "--torch-param", "B=W2", "--torch-param", "c=b2",
                   "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="port: raw (in, out) Parameters, logits out of forward, BCE by hand as mean(softplus(z) - y z), "
                   "heavy-ball momentum", expected=()),
]
