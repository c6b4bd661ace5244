"""Thirteenth fresh held-out set for the diagnosis: one planted bug per program in fresh13/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. The bugs lean towards the
training loop and the optimizer: the batch as the step sees it, state kept between steps,
optimizer construction and hyperparameters, update arithmetic written by hand, in-place
updates against rebinding, schedules, what happens to the gradients between backward and the
step, what is reset and what is not, with a few forward and loss slips. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh13_cases

Each case:
    id          short name (prefixed V)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh12/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, or the fewest lines)
to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh13/")

STEP_NP = ("--step", "net.train_step(X, y)")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="V01_cosine_schedule_per_batch", side="port",
         args=port("01_cosine_schedule_per_batch.py", "Net", *OPT, "--data", "random:40,5", "--batch-size", "10",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="make_optimizer adds a CosineAnnealingLR(T_max=100) schedule from a training recipe, stepped after "
                   "every batch: the port's learning rate is lr (1 + cos(pi t / 100)) / 2 after t steps (0.99975 lr on "
                   "step 2, about 0.91 lr by step 20) where the NumPy network keeps it constant",
         expected=("cosine", "cosineannealing", "annealing", "t_max", "schedul", "(1 + cos", "1 + cos(",
                   "pi t / 100", "0.99975", "0.9997", "0.913", "learning rate decreases",
                   "decreasing learning rate", "learning rate shrinks", "shrinking learning rate",
                   "learning rate falls", "learning rate changes", "lr changes", "moves with the step",
                   "changes with the step", "varies with the step")),
    dict(id="V02_no_decay_biases", side="port",
         args=port("02_no_decay_biases.py", "Net", *OPT, "--data", "random:48,5,3", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--weight-decay", "0.01", "--lr", "0.01"),
         mechanism="make_optimizer splits the parameters into a decay group and a no_decay group (names ending in 'bias', "
                   "weight_decay 0.0), a fine-tuning recipe's convention: the port's biases get no L2 term while the "
                   "NumPy network's Adam adds 0.01 * p to the gradient of every parameter, biases included",
         expected=("no_decay", "no decay", "no-decay", "biases are not decayed", "biases not decayed",
                   "bias not decayed", "without weight decay", "without decay", "no weight decay on the bias",
                   "weight decay on the bias", "weight decay of the bias", "biases' weight decay",
                   "excluded from weight decay", "excluded from decay", "exempt", "param group", "parameter group",
                   "weight_decay 0", "weight_decay=0", "weight decay 0", "0.01 * b", "0.01 b", "only the biases",
                   "biases only", "b1 and b2")),
    dict(id="V03_adamax_for_adam", side="port",
         args=port("03_adamax_for_adam.py", "Net", *OPT, "--data", "random:36,6", "--hidden-activation", "sigmoid",
                   "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="make_optimizer builds torch.optim.Adamax, Adam's infinity-norm variant (denominator "
                   "u = max(beta2 u, |g|)), where the NumPy network runs Adam with sqrt(v_hat), "
                   "v = beta2 v + (1 - beta2) g^2; equal on step 1 (both lr * sign(g)), apart from step 2",
         expected=("adamax", "infinity norm", "infinity-norm", "inf-norm", "inf norm", "max norm", "max(beta2",
                   "max(β2", "maximum of", "running maximum", "max(|g|", "l-infinity", "l∞", "∞-norm",
                   "instead of sqrt(v", "not adam")),
    dict(id="V04_overfit_subset_left_in", side="port",
         args=port("04_overfit_subset_left_in.py", "Net", "--data", "random:40,4", "--batch-size", "20", "--shuffle",
                   "--hidden-activation", "relu", "--loss", "mse", "--lr", "0.5"),
         mechanism="train_step keeps a debugging line X, y = X[:16], y[:16] (an 'overfit a small batch' check): each "
                   "step trains on the first 16 rows of its 20-row mini-batch only, the mean over 16, and the other "
                   "4 rows never contribute",
         expected=("[:16]", "x[:16]", "first 16", "16 rows", "16 of", "16 of 20", "4 rows", "four rows",
                   "rows dropped", "rows are dropped", "drops rows", "dropped rows", "subset", "part of the batch",
                   "part of the mini-batch", "truncat", "debug", "overfit", "not the whole batch",
                   "not every row", "some rows", "missing rows", "rows missing", "rows left out")),
    dict(id="V05_targets_shifted_one_row", side="port",
         args=port("05_targets_shifted_one_row.py", "Net", *OPT, "--data", "random:30,4",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="train_step kept a next-step forecasting alignment, 0.5 * F.mse_loss(out[:-1], y[1:]): row i's "
                   "prediction is scored against row i + 1's target, the last prediction and the first target "
                   "dropped, the mean over n - 1 = 29 pairs",
         expected=("out[:-1]", "y[1:]", "[:-1]", "[1:]", "shifted", "shift by one", "shifted by one", "off by one",
                   "off-by-one", "next row", "row i + 1", "i + 1", "i+1", "next-step", "next step's target",
                   "misalign", "mis-align", "not aligned", "alignment", "wrong target", "another row's target",
                   "29", "n - 1", "n-1")),
    dict(id="V06_reinit_every_step", side="port",
         args=port("06_reinit_every_step.py", "Net", "--data", "random:36,5,3", "--hidden-activation", "sigmoid",
                   "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.05"),
         mechanism="train_step begins with model.apply(init_weights) (Xavier-uniform weights, zero biases), meant to "
                   "run once after the model is built: every step re-draws the parameters before the forward pass, "
                   "so nothing learnt (nor the shared start) carries into any step",
         expected=("init_weights", "model.apply", "re-init", "reinit", "re-initial", "reinitial", "initialised again",
                   "initialized again", "initialised every", "initialized every", "initialisation every",
                   "initialization every", "xavier", "re-drawn", "redrawn", "fresh weights", "random weights",
                   "reset the weights", "weights are reset", "resets the parameters", "parameters are reset",
                   "reset_parameters", "overwritten", "not the shared start", "not the weights it was given")),
    dict(id="V07_zero_grad_inside_accumulation", side="port",
         args=port("07_zero_grad_inside_accumulation.py", "Net", *OPT, "--data", "random:48,4,3",
                   "--batch-size", "16", "--hidden-activation", "relu", "--output-activation", "softmax",
                   "--loss", "ce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="gradient accumulation over 4 micro-batches of 4 rows (each mean loss / 4) with optimizer.zero_grad() "
                   "inside the micro-batch loop instead of before it: each micro-batch wipes the earlier ones' "
                   "gradients, so the step uses only the last micro-batch's gradient, divided by 4",
         expected=("zero_grad", "zero grad", "inside the loop", "inside the micro", "in the loop", "micro-batch",
                   "microbatch", "micro batch", "accumulat", "last micro", "last chunk", "last 4 rows",
                   "only the last", "wiped", "wipes", "cleared", "discarded", "only one micro", "a quarter",
                   "1/4", "one fourth")),
    dict(id="V08_gelu_for_relu", side="port",
         args=port("08_gelu_for_relu.py", "Net", "--data", "random:32,6", "--batch-size", "8", "--shuffle",
                   "--hidden-activation", "relu", "--loss", "bce-sum", "--lr", "0.05"),
         mechanism="the port's two hidden blocks use nn.GELU(), z * Phi(z) (Phi the standard normal CDF), the "
                   "transformer default, where the NumPy network's hidden layers use ReLU max(z, 0)",
         expected=("gelu", "gaussian error", "phi(z)", "φ(z)", "normal cdf", "erf", "z * phi", "smooth relu",
                   "instead of relu", "not relu", "not a relu", "smooth approximation")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="V09_adam_moments_one_dict", side="numpy",
         args=numpy_net("09_adam_moments_one_dict.py", "AdamRegressor", *STEP_NP, "--data", "random:40,4",
                        "--batch-size", "10", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "half-mse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's moment stores created by chained assignment, self.m = self.v = {}: one dict under both names; "
                   "each step's v, written last, overwrites m, so from step 2 the first moment starts from the "
                   "previous second moment, m = beta1 v_prev + (1 - beta1) g (the second moment stays right)",
         expected=("self.m = self.v", "m = v = {}", "chained assignment", "chain assignment", "same dict",
                   "one dict", "single dict", "shared dict", "share one", "shared store", "alias", "same object",
                   "overwrit", "first moment is the second", "m holds v", "m becomes v", "m is v", "v_prev",
                   "previous second moment", "from v", "first moment from the second")),
    dict(id="V10_adam_eps_exponent_typo", side="numpy",
         args=numpy_net("10_adam_eps_exponent_typo.py", "AdamSoftmax", *STEP_NP, "--data", "random:42,5,3",
                        "--batch-size", "14", "--hidden-activation", "sigmoid", "--output-activation", "softmax",
                        "--loss", "ce-sum", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's epsilon typed eps=1e8 instead of 1e-8 (the exponent's minus sign lost): the denominator "
                   "sqrt(v_hat) + eps is about 1e8, so every update is some 1e-8 of Adam's and the parameters "
                   "barely move",
         expected=("1e8", "1e+8", "1e+08", "10^8", "1e-8", "exponent", "minus sign",
                   "barely move", "hardly move", "almost no update", "updates are tiny", "tiny update",
                   "vanishing update", "denominator", "too large eps", "eps too large", "eps is too large", "epsilon too large",
                   "epsilon is too large", "large epsilon", "huge epsilon")),
    dict(id="V11_adam_decoupled_decay_for_l2", side="numpy",
         args=numpy_net("11_adam_decoupled_decay_for_l2.py", "DecayAdamNet", *STEP_NP, "--data", "random:36,6",
                        "--batch-size", "12", "--shuffle", "--hidden-activation", "relu", "--loss", "bce",
                        "--optimizer", "adam", "--weight-decay", "0.01", "--lr", "0.01"),
         mechanism="weight decay 0.01 meant as Adam's L2 term in the gradient (g + wd p before the moments) written "
                   "AdamW-style, decoupled: p -= lr (m_hat / (sqrt(v_hat) + eps) + wd p), the moments seeing the "
                   "bare gradient",
         expected=("decoupled", "adamw", "adam-w", "loshchilov", "coupled", "l2 in the gradient", "l2 term",
                   "l2 penalty", "not through the moments", "outside the moments", "bypasses the moments",
                   "moments see", "lr * wd", "lr*wd", "wd * p", "weight decay applied to the weights",
                   "applied directly", "directly to the weights", "in the update instead of the gradient",
                   "weight decay in the update")),
    dict(id="V12_velocity_ones_like", side="numpy",
         args=numpy_net("12_velocity_ones_like.py", "MomentumNet", *STEP_NP, "--data", "random:32,4",
                        "--hidden-activation", "sigmoid", "--loss", "sse", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.05"),
         mechanism="the momentum velocities created with np.ones_like instead of np.zeros_like: every velocity starts "
                   "at 1, so the first step moves each parameter by lr (mu + g) instead of lr g and a surplus "
                   "lr mu^t lingers in every later step",
         expected=("ones_like", "np.ones", "zeros_like", "starts at 1", "start at 1", "initialised to 1",
                   "initialized to 1", "initialised with ones", "initialized with ones", "initial velocity",
                   "velocity starts", "not at rest", "not from zero", "non-zero initial", "nonzero initial",
                   "lr * mu", "lr*mu", "mu^t", "μ^t", "0.9^t", "constant offset", "uniform shift",
                   "same amount for every", "every element moves by")),
    dict(id="V13_ema_coefficients_swapped", side="numpy",
         args=numpy_net("13_ema_coefficients_swapped.py", "EmaSoftmax", *STEP_NP, "--data", "random:40,4,4",
                        "--batch-size", "10", "--hidden-activation", "tanh", "--output-activation", "softmax",
                        "--loss", "ce", "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="EMA momentum with its coefficients swapped, v = (1 - beta) v + beta g instead of "
                   "beta v + (1 - beta) g: the gradient weighted 0.9 and the old velocity 0.1, the first step 9 times "
                   "the EMA's (0.9 g against 0.1 g)",
         expected=("swapped", "exchanged", "interchanged", "reversed", "coefficients", "(1 - beta) v", "(1-beta) v",
                   "(1 - β) v", "beta g", "β g", "0.1 v", "0.9 g", "9 times", "nine times", "factor 9", "x9", "×9",
                   "0.9 and 0.1", "0.1 and 0.9")),
    dict(id="V14_polyak_previous_weights_alias", side="numpy",
         args=numpy_net("14_polyak_previous_weights_alias.py", "PolyakRegressor", *STEP_NP, "--data", "random:36,5",
                        "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="heavy-ball momentum in Polyak's form W - lr g + mu (W - W_prev), with W_prev kept as a reference "
                   "(self.prev[name] = w, no copy) to the array the in-place update then changes: W - W_prev is 0 "
                   "from step 2 on and the momentum term vanishes, plain gradient descent",
         expected=(".copy()", "no copy", "not a copy", "without a copy", "alias", "same array", "same object",
                   "w_prev", "previous weights", "w - w_prev", "polyak", "momentum term is zero",
                   "momentum term vanishes", "no momentum", "without momentum", "momentum is lost",
                   "momentum missing", "plain sgd", "plain gradient descent", "as plain")),
    dict(id="V15_clip_always_rescales", side="numpy",
         args=numpy_net("15_clip_always_rescales.py", "ClippedNet", *STEP_NP, "--data", "random:40,5",
                        "--hidden-activation", "sigmoid", "--loss", "bce", "--lr", "0.1"),
         mechanism="gradient clipping by global norm (MAX_NORM = 5) written scale = MAX_NORM / norm without "
                   "min(1, ...): every step's gradients are rescaled to a global norm of exactly 5, scaled up "
                   "whenever their norm is below it",
         expected=("clip", "min(1", "min(1.0", "max_norm", "max norm", "global norm", "norm of 5", "norm 5",
                   "rescaled", "rescales", "normalised", "normalized", "unit norm", "fixed norm",
                   "scaled up", "scales up", "upscal", "always scaled", "unconditional", "never shrink",
                   "/ norm", "/norm", "grad norm", "gradient norm")),
    dict(id="V16_dropout_scale_left_in", side="numpy",
         args=numpy_net("16_dropout_scale_left_in.py", "DeepRelu", *STEP_NP, "--data", "random:32,6",
                        "--batch-size", "8", "--shuffle", "--hidden-activation", "relu", "--loss", "mse",
                        "--lr", "0.5"),
         mechanism="dropout removed but the first hidden layer still divides its activations by KEEP_PROB = 0.8 "
                   "(the inverted-dropout rescaling): the forward pass feeds 1.25 h1 to the second layer, while the "
                   "backward pass has no such factor on the path to W1 and b1",
         expected=("dropout", "keep_prob", "keep prob", "inverted", "/ 0.8", "/0.8", "1.25", "1 / 0.8", "1/0.8",
                   "rescal", "scaled activations", "activations are scaled", "scaled by 1.25",
                   "h1 is scaled", "first hidden layer is scaled", "scaled hidden")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="V17_correct_port_weighted_microbatches", side="correct",
         args=port("correct_01_port_weighted_microbatches.py", "Net", *OPT, "--data", "random:36,4,3",
                   "--batch-size", "12", "--hidden-activation", "tanh", "--output-activation", "softmax",
                   "--loss", "ce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="port: gradient accumulation over unequal micro-batches X.split(5) (5, 5, 2 rows), each mean loss "
                   "weighted by len(xb) / len(X) so the sum is the batch mean's gradient, zero_grad once before the "
                   "loop, torch Nesterov SGD from make_optimizer", expected=()),
    dict(id="V18_correct_kingma_ba_adam", side="correct",
         args=numpy_net("correct_02_kingma_ba_adam.py", "KingmaBaAdam", *STEP_NP, "--data", "random:40,5",
                        "--batch-size", "10", "--shuffle", "--hidden-activation", "sigmoid", "--loss", "bce-sum",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="NumPy: Adam in Kingma and Ba's 'efficient' form, lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t) on "
                   "the raw moments with eps_hat = eps sqrt(1 - beta2^t) (exactly torch's update), parameters and "
                   "moments in parallel lists updated in place with out= ufuncs, summed BCE through logaddexp, "
                   "shuffled mini-batches", expected=()),
    dict(id="V19_correct_ema_lerp_two_hidden", side="correct",
         args=numpy_net("correct_03_ema_lerp_two_hidden.py", "EmaLerpNet", *STEP_NP,
                        "--param", "layers[0]['W']=W1", "--param", "layers[0]['b']=b1",
                        "--param", "layers[1]['W']=W2", "--param", "layers[1]['b']=b2",
                        "--param", "layers[2]['W']=W3", "--param", "layers[2]['b']=b3", "--data", "random:30,4",
                        "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-sse",
                        "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.01"),
         mechanism="NumPy: two tanh hidden layers as a list of dicts (paired with --param), backward loop over reversed(range(3)), half SSE, "
                   "EMA momentum written in its interpolation form v += (1 - beta) (g - v)", expected=()),
]
