"""Fifteenth fresh held-out set for the diagnosis: one planted bug per program in fresh15/ (eight
PyTorch ports, three of them checked against a NumPy program of their own, and eight NumPy
programs, three of them checked against a correct port of their own) and three correct programs
in unusual styles. The bugs lean towards the training machinery rather than the forward
arithmetic: labels taken from one-hot targets, mini-batching and shuffling, the optimizers and
their state between steps, learning-rate schedules, weight decay, gradient clipping, and in-place
updates and aliasing. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh15_cases

Each case:
    id          short name (prefixed X)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh14/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh15/"
port, numpy_net = in_folder(F)


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="X01_torch_max_values_as_labels", side="port",
         args=port("01_port_relu_classifier.py", "Net", "--data", "random:48,5,4", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="train_step unpacks labels, _ = torch.max(y, dim=1): torch.max returns (values, indices), so the "
                   "labels are the row maxima of the one-hot targets, 1.0 for every row, and F.cross_entropy trains "
                   "every row towards class 1 instead of its own class (the argmax index)",
         expected=("torch.max", "values instead of", "indices", "argmax", "class 1", "label 1", "index 1",
                   "all rows", "every row", "same class", "same label", "wrong labels", "labels are 1", "unpack",
                   "tuple")),
    dict(id="X02_weight_decay_counted_twice", side="port",
         args=port("02_port_tanh_adam_l2.py", "Net", *OPT, "--data", "random:40,6", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "adam", "--weight-decay", "0.05", "--lr", "0.01"),
         mechanism="L2 weight decay counted twice: the port adds the penalty 0.5 * wd * sum(p^2) to the loss and also "
                   "gives Adam weight_decay=wd, so every gradient gets 2 wd p instead of wd p (a decay of 0.1 "
                   "instead of 0.05)",
         expected=("twice", "double", "doubled", "2 wd", "2 * wd", "2wd", "2λ", "2 λ", "0.1 instead of 0.05", "weight decay",
                   "l2 penalty", "l2 term", "penalty in the loss", "weight_decay", "counted twice",
                   "applied twice")),
    dict(id="X03_adam_sqrt_inplace_second_moment", side="port",
         args=port("03_port_adam_optimizer.py", "Net", *OPT, "--data", "random:36,4,2",
                   "--hidden-activation", "sigmoid", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hand-written Adam builds its denominator as v.sqrt_().div_(...).add_(eps), in place on the stored "
                   "second moment: after each step exp_avg_sq holds sqrt(v) / sqrt(1 - beta2^t) + eps instead of v, "
                   "so from step 2 the second moment is accumulated on top of a square root (equal on step 1)",
         expected=("sqrt_", "in place", "in-place", "inplace", "exp_avg_sq", "second moment", "overwritten",
                   "overwrites", "corrupt", "stores the square root", "square root stored", "sqrt(v)", "v.sqrt()",
                   "optimizer state", "aliasing", "mutat")),
    dict(id="X04_ema_lr_conversion_inverted", side="port",
         args=port("04_port_sigmoid_ema_momentum.py", "Net", *OPT, "--data", "random:40,6", "--loss", "bce",
                   "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="EMA momentum (v = beta v + (1 - beta) g) ported as torch's heavy ball with the rate divided by "
                   "(1 - beta) instead of multiplied: SGD(momentum=0.9, lr=lr / (1 - beta)) where lr * (1 - beta) is "
                   "meant, so every step is (1 - beta)^-2 = 100 times the EMA's",
         expected=("lr / (1 - beta)", "lr/(1-beta)", "lr / (1 - β)", "lr * (1 - beta)", "lr * (1 - β)",
                   "(1 - beta)", "(1 - β)", "100 times", "100x", "×100", "factor 100", "factor of 100",
                   "divided instead of multiplied", "inverted", "ema", "moving average", "heavy ball", "heavy-ball")),
    dict(id="X05_sgd_positional_dampening", side="port",
         args=port("05_port_nesterov_regressor.py", "Regressor", *OPT, "--data", "random:48,5,3", "--batch-size", "16",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="torch.optim.SGD(params, lr, MOMENTUM, True): the fourth positional parameter is dampening, not "
                   "nesterov, so dampening = True = 1 and Nesterov stays off: the buffer starts as the first gradient "
                   "and afterwards buf = mu buf + 0 g, no new gradient enters the momentum (a fully dampened heavy "
                   "ball instead of Nesterov)",
         expected=("dampening", "positional", "fourth argument", "dampening=1", "dampening = 1", "dampening 1",
                   "dampening=true", "nesterov=false", "not nesterov", "no nesterov", "heavy ball", "heavy-ball",
                   "1 - dampening", "never enters", "first gradient only", "keyword")),
    dict(id="X06_lambdalr_precedence", side="port",
         args=pair("06_decay_regressor_numpy.py", "DecayRegressor", "06_decay_regressor_torch.py", "DecayRegressor",
                   "--data", "random:32,4,2"),
         mechanism="the port's inverse-time decay LambdaLR lambda is typed 1 / 1 + DECAY * t, by precedence "
                   "(1 / 1) + DECAY t = 1 + 0.1 t, so the learning rate grows linearly, lr0 (1 + 0.1 t), instead of "
                   "decaying as lr0 / (1 + 0.1 t) like the NumPy program's (equal at step 1)",
         expected=("precedence", "parenthes", "bracket", "1 / 1 +", "1/1+", "1 + decay * t", "1 + 0.1 t", "1 + 0.1t",
                   "1 + 0.1 * t", "grows", "increases", "increasing", "rising", "instead of decaying", "lambdalr",
                   "lr_lambda", "schedule", "inverse-time", "inverse time")),
    dict(id="X07_per_tensor_clip_norm", side="port",
         args=pair("07_clipped_relu_numpy.py", "ClippedNet", "07_clipped_relu_torch.py", "ClippedNet",
                   "--data", "random:40,5"),
         mechanism="the port calls clip_grad_norm_ on each parameter separately in a loop, each tensor's own norm "
                   "limited to 1.0, where the NumPy program clips the global norm over all parameters together "
                   "(one common scale for every gradient)",
         expected=("per-tensor", "per tensor", "per parameter", "per-parameter", "each parameter", "each tensor",
                   "separately", "individually", "global norm", "total norm", "one norm", "all parameters together",
                   "clip_grad_norm_", "clipping", "clip")),
    dict(id="X08_dataloader_drop_last", side="port",
         args=pair("08_epoch_trainer_numpy.py", "EpochTrainer", "08_epoch_trainer_torch.py", "EpochTrainer",
                   "--step", "net.train_epoch(X, y)", "--data", "random:40,6"),
         mechanism="the port's DataLoader has drop_last=True: the last, short mini-batch of each epoch (the 8 rows "
                   "left after 16 + 16 of 40) is never trained on, so each epoch makes 2 SGD updates instead of 3",
         expected=("drop_last", "drop last", "dropped", "last batch", "last mini-batch", "final batch",
                   "partial batch", "incomplete batch", "short batch", "remainder", "leftover", "8 rows",
                   "2 updates", "two updates", "3 updates", "three updates")),
    # ------------------------------------------------------------------ NumPy programs
    dict(id="X09_velocity_scaled_in_place", side="numpy",
         args=numpy_net("09_momentum_tanh_net.py", "MomentumTanhNet", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="update = v; update *= lr scales the stored velocity in place (update is an alias of the velocity, "
                   "not a copy): the velocity keeps lr v, so the next step's v = mu lr v_prev + g, the momentum's "
                   "memory shrunk by the learning rate (equal on step 1)",
         expected=("alias", "in place", "in-place", "inplace", "same array", "not a copy", "copy", "velocity scaled",
                   "scales the velocity", "lr * v", "lr v", "mu * lr", "mu lr", "0.09", "memory", "shrunk",
                   "*= self.lr", "*= lr")),
    dict(id="X10_nonzero_rows_as_labels", side="numpy",
         args=numpy_net("10_softmax_minibatch.py", "SoftmaxNet", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5,4", "--batch-size", "4", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="labels = np.nonzero(y)[0] takes the row indices of the one-hot targets instead of [1], the column "
                   "(class) indices: with mini-batches of 4 rows and 4 classes, row i is trained towards class i "
                   "whatever its label",
         expected=("nonzero", "np.nonzero(y)[0]", "[0]", "[1]", "row indices", "row index", "column indices",
                   "column index", "class indices", "arange", "0, 1, 2, 3", "row i", "class i", "wrong labels",
                   "wrong label")),
    dict(id="X11_adam_alpha_over_sqrt_t", side="numpy",
         args=numpy_net("11_adam_relu_regressor.py", "AdamRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:40,6", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "adam", "--lr", "0.05"),
         mechanism="Adam's step size decayed as alpha_t = alpha / sqrt(t) (from the paper's convergence analysis) "
                   "instead of the constant alpha: every update is 1/sqrt(t) of Adam's (equal on step 1, 0.707 on "
                   "step 2)",
         expected=("sqrt(t)", "√t", "1/sqrt", "1 / sqrt", "alpha / sqrt", "lr / sqrt", "decay", "decayed",
                   "schedule", "0.707", "1/√2", "step size", "shrinks", "convergence analysis")),
    dict(id="X12_choice_with_replacement", side="numpy",
         args=numpy_net("12_shuffled_sigmoid_net.py", "ShuffledNet", "--step", "net.train_step(X, y)",
                        "--data", "random:36,5,2", "--output-activation", "linear", "--loss", "mse", "--lr", "0.5"),
         mechanism="the batch is 'shuffled' with rng.choice(n, n), which samples rows with replacement (a bootstrap: "
                   "some rows repeated, about a third left out) instead of rng.permutation(n): the mean gradient is "
                   "over a resampled batch, not the batch",
         expected=("choice", "replacement", "replace=true", "bootstrap", "resampl", "duplicate", "repeated",
                   "repeats", "missing rows", "rows twice", "permutation", "sampled")),
    dict(id="X13_adam_v_not_bias_corrected", side="numpy",
         args=numpy_net("13_adam_softmax_net.py", "AdamSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:36,4,3", "--batch-size", "12", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam bias-corrects the first moment only: v_hat = v instead of v / (1 - beta2^t), so the "
                   "denominator sqrt(v) is sqrt(1 - beta2^t) times too small early on and the first step is "
                   "1/sqrt(0.001) = 31.6 times Adam's",
         expected=("bias correction", "bias-correct", "v_hat", "v̂", "1 - beta2", "1 - β2", "second moment",
                   "uncorrected", "not corrected", "without correction", "31.6", "sqrt(1000)", "√1000",
                   "sqrt(0.001)", "30 times", "32 times")),
    dict(id="X14_rng_reseeded_each_epoch", side="numpy",
         args=pair("14_shuffled_epochs_numpy.py", "ShuffledEpochs", "14_shuffled_epochs_torch.py", "ShuffledEpochs",
                   "--step", "net.train_epoch(X, y)", "--data", "random:40,5"),
         mechanism="train_epoch creates np.random.default_rng(SEED) afresh every epoch instead of drawing from the "
                   "generator kept on the network: every epoch visits the rows in the first epoch's order (equal at "
                   "step 1, a different order than the port's from epoch 2)",
         expected=("seed", "re-seeded", "reseeded", "reseed", "re-created", "recreated", "new generator",
                   "fresh generator", "same order", "same permutation", "same shuffle", "identical order",
                   "every epoch", "each epoch", "default_rng", "generator state")),
    dict(id="X15_step_decay_true_division", side="numpy",
         args=pair("15_step_decay_numpy.py", "StepDecayNet", "15_step_decay_torch.py", "StepDecayNet",
                   "--data", "random:32,4"),
         mechanism="step-decay schedule written GAMMA ** (t / STEP_SIZE) with true division instead of floor division "
                   "t // STEP_SIZE: the learning rate decays smoothly, 0.5^(t/5) (0.87 lr0 at step 2), instead of "
                   "staying at lr0 for 5 steps and halving at each multiple of 5 (StepLR's staircase)",
         expected=("//", "floor division", "integer division", "true division", "t / step_size", "t // step_size",
                   "staircase", "steplr", "step decay", "continuous", "smooth", "exponential", "every step", "0.87",
                   "2^(-1/5)", "0.5 ** 0.2")),
    dict(id="X16_clip_norm_sum_of_norms", side="numpy",
         args=pair("16_clipped_momentum_numpy.py", "ClippedMomentum", "16_clipped_momentum_torch.py",
                   "ClippedMomentum", "--data", "random:36,5,2"),
         mechanism="the global gradient norm for clipping is computed as the sum of the per-tensor L2 norms instead "
                   "of the square root of the sum of all squared entries: the norm is overestimated (triangle "
                   "inequality), so the gradients are clipped harder than clip_grad_norm_ clips them",
         expected=("sum of norms", "sum of the norms", "sum of per", "norms summed", "square root", "sum of squares",
                   "global norm", "total norm", "overestimat", "larger norm", "too large", "clipped harder",
                   "clipped more", "triangle", "l2 norm")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="X17_correct_port_foreach_weight_decay", side="correct",
         args=port("correct_01_port_foreach_weight_decay.py", "Net", *OPT, "--data", "random:40,6",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "adam", "--weight-decay", "0.05",
                   "--lr", "0.02"),
         mechanism="port: layers in an nn.ModuleDict, Adam's L2 weight decay added to every gradient by hand with "
                   "torch._foreach_add_(grads, params, alpha=wd) after backward, torch.optim.Adam(weight_decay=0), "
                   "zero_grad(set_to_none=False)", expected=()),
    dict(id="X18_correct_torch_style_dampened_momentum", side="correct",
         args=numpy_net("correct_02_dampened_momentum.py", "DampedMomentumNet", "--step", "net.train_step(X, y)",
                        "--data", "random:50,5,4", "--batch-size", "10", "--shuffle", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--dampening", "0.3", "--lr", "0.2"),
         mechanism="NumPy: heavy-ball momentum with dampening 0.3 written to follow torch.optim.SGD (the first step "
                   "stores the raw gradient, later buf = mu buf + (1 - dampening) g), labels and rows from "
                   "np.nonzero(y), log-softmax by hand, shuffled mini-batches", expected=()),
    dict(id="X19_correct_pair_multistep_adam", side="correct",
         args=pair("correct_03_multistep_adam_numpy.py", "MultiStepAdam", "correct_03_multistep_adam_torch.py",
                   "MultiStepAdam", "--data", "scripts/diagnosis_sets/data/onehot.npz"),
         mechanism="pair: Adam under a multi-step schedule (x0.3 at steps 6 and 12), the NumPy rate found with "
                   "bisect.bisect_right over the milestones and the moments in interpolation form m += (1 - b1)(g - m), "
                   "against torch.optim.Adam with MultiStepLR and F.cross_entropy on one-hot probabilities",
         expected=()),
]
