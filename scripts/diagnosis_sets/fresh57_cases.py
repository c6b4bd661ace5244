"""Fifty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh57/
(eight PyTorch ports, four of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is optimizers written by hand in NumPy and torch.optim (or a
hand-written torch.optim.Optimizer subclass) in the ports, and their learning-rate schedules:
Lion, NAdam's momentum schedule, AMSGrad, centred RMSprop, Adadelta, Adam's moments, Nesterov in
Sutskever's and torch's forms, ASGD, per-layer rates through parameter groups, warm-up, cosine,
step decay and warm restarts, AdamW with global-norm clipping, AdaGrad with a rate per layer.
fresh57/make_data.py writes the data (reg.npz).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh57_cases

Each case:
    id          short name (prefixed QE)
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
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, or the bug line moved where its
comment says) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh57/"
port, numpy_net = in_folder(F)

REG = F + "reg.npz"
# the kit's network for the regressor: tanh hidden layers, a linear output, the mean squared error
KIT = ["--data", REG, "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse"]
NP_STEP = ["--init", "Net()", "--step", "net.train_step(X, y)", "--output", "out"]
TWO = ("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")


def pair(numpy_file: str, torch_file: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:Net", "--torch", f"{F}{torch_file}:Net", "--as-written",
            "--init", "net = Net()", "--data", REG, *params(*TWO), *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QE01_warmup_cosine", side="port",
         args=pair("01_warmup_cosine_numpy.py", "01_warmup_cosine_torch.py"),
         mechanism="pair: the port's LambdaLR warm-up then cosine computes the cosine's progress as s / TOTAL instead "
                   "of (s - WARMUP) / (TOTAL - WARMUP): the warm-up steps are not subtracted, so the decay starts "
                   "part-way down the cosine, the rate drops from LR0 to 0.905 LR0 at the first update after the "
                   "warm-up (s = 4) and stays below the NumPy program's cosine (which ends at 0 at TOTAL), equal "
                   "during the warm-up",
         expected=("lambdalr", "lr_lambda", "cosine", "warm-up", "warmup", "progress", "s - warmup",
                   "total - warmup", "offset", "not subtracted", "schedule", "learning rate", "after the warm-up",
                   "step 5", "cos(pi")),
    dict(id="QE02_lion_beta", side="port",
         args=pair("02_lion_numpy.py", "02_lion_torch.py", "--state", "exp_avg=net.m", "--dtype", "float64"),
         mechanism="pair: the port's hand-written Lion tracks its momentum with beta1, exp_avg.mul_(beta1).add_(grad, "
                   "alpha=1 - beta1), instead of beta2 = 0.99 (the interpolation for the sign uses beta1, the stored "
                   "momentum beta2): the buffer keeps 0.1 g instead of 0.01 g after step 1 and forgets ten times "
                   "faster, so exp_avg differs from step 1 and the signs of later updates flip where the two "
                   "interpolations disagree",
         expected=("lion", "beta1", "beta2", "betas", "exp_avg", "momentum", "0.99", "0.9", "swapped",
                   "wrong beta", "moving average", "interpolation", "sign", "decay rate", "optimizer state")),
    dict(id="QE03_steplr_gamma", side="port",
         args=pair("03_step_decay_numpy.py", "03_step_decay_torch.py"),
         mechanism="pair: the port's StepLR(optimizer, step_size=STEP_SIZE) leaves out gamma=GAMMA, so torch's default "
                   "gamma = 0.1 cuts the rate to a tenth every 5 updates where the NumPy program halves it (0.5): "
                   "equal for the first 5 updates, then 0.1 LR0 against 0.5 LR0 (a factor 5), 0.01 against 0.25 after "
                   "10 updates",
         expected=("steplr", "step_size", "gamma", "default", "0.1", "0.5", "halve", "tenth", "step decay",
                   "schedule", "learning rate", "every 5", "step 6", "decay factor", "scheduler")),
    dict(id="QE04_warm_restarts_tmult", side="port",
         args=pair("04_sgdr_numpy.py", "04_sgdr_torch.py"),
         mechanism="pair: the port's CosineAnnealingWarmRestarts(T_0=8, T_mult=2) doubles the period after each "
                   "restart where the NumPy program restarts every T0 = 8 updates (T_mult = 1): the first cycle "
                   "agrees and both restart at update 9, then the port's second cycle anneals over 16 updates, so its "
                   "rate decays more slowly and it does not restart at update 17",
         expected=("cosineannealingwarmrestarts", "warm restart", "restart", "t_mult", "t_0", "period", "cycle",
                   "doubles", "sgdr", "cosine", "schedule", "learning rate", "eta_min", "16", "second cycle")),
    dict(id="QE05_nesterov_old_buffer", side="port",
         args=port("05_nesterov_port.py", "Net", *OPT, *KIT, "--optimizer", "nesterov", "--momentum", "0.9",
                   "--lr", "0.1"),
         mechanism="the port's hand-written Nesterov (torch.optim.Optimizer subclass) forms the look-ahead "
                   "d_p = g + mu buf before the buffer is updated, with the previous buffer, instead of after "
                   "buf = mu buf + g: the step is lr (g + mu buf_prev) instead of lr ((1 + mu) g + mu^2 buf_prev), "
                   "g instead of 1.9 g on step 1 (heavy-ball's update shifted by one step)",
         expected=("nesterov", "look-ahead", "lookahead", "momentum_buffer", "buffer", "before", "previous buffer",
                   "stale", "old velocity", "order", "g + mu", "1.9", "mu^2", "heavy-ball", "heavy ball",
                   "optimizer.step")),
    dict(id="QE06_group_missing_layer", side="port",
         args=port("06_layer_rates_port.py", "Net", *OPT, *KIT, "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.05"),
         mechanism="make_optimizer builds one SGD parameter group per layer from LAYER_LR = {'fc1': 1.0, 'fc2': 1.0}, "
                   "written before fc3 (the output layer) was added: fc3.weight and fc3.bias are in no parameter "
                   "group, get gradients but are never updated (their update is zero every step)",
         expected=("parameter group", "param_groups", "param group", "missing", "fc3", "output layer",
                   "not in the optimizer", "never updated", "not updated", "frozen", "zero update", "layer_lr",
                   "left out", "optimizer")),
    dict(id="QE07_buffer_aliases_grad", side="port",
         args=port("07_heavy_ball_port.py", "Net", *OPT, *KIT, "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.05"),
         mechanism="the hand-written heavy-ball optimizer stores state['momentum_buffer'] = p.grad without .clone(): "
                   "the buffer is the gradient tensor itself, so zero_grad(set_to_none=False) zeroes the momentum "
                   "and the next backward accumulates into it; from step 2 the update is 2 mu g_t = 1.8 g_t (the "
                   "buffer scaled then added to itself) instead of mu buf + g_t, the past gradients lost",
         expected=("clone", "alias", "aliases", "same tensor", "shares storage", "p.grad", "momentum_buffer",
                   "zero_grad", "set_to_none", "in place", "in-place", "buffer", "momentum lost", "1.8",
                   "zeroed")),
    dict(id="QE08_asgd_defaults", side="port",
         args=port("08_asgd_port.py", "Net", *OPT, *KIT, "--optimizer", "sgd", "--lr", "0.5"),
         mechanism="make_optimizer builds torch.optim.ASGD (averaged SGD, for its averaged weights) where the kit runs "
                   "plain SGD: ASGD's default lambd = 1e-4 shrinks every parameter by (1 - lambd eta) each step (a "
                   "weight decay of 1e-4) and its rate decays as eta = lr / (1 + lambd lr t)^0.75",
         expected=("asgd", "averaged sgd", "lambd", "1e-4", "0.0001", "weight decay", "decay", "shrink",
                   "eta", "alpha=0.75", "0.75", "t0", "optimizer", "defaults", "learning rate decay")),

    # ------------------------------------------------------------------ NumPy programs
    dict(id="QE09_nadam_precedence", side="numpy",
         args=pair("09_nadam_numpy.py", "09_nadam_torch.py"),
         mechanism="pair: NAdam's momentum schedule is typed B1 * (1 - 0.5 * 0.96 ** t * PSI) instead of "
                   "B1 * (1 - 0.5 * 0.96 ** (t * PSI)) (operator precedence: the power binds before the product): "
                   "mu_t = 0.9 (1 - 0.002 * 0.96^t) = 0.898 instead of about 0.45, so the Nesterov weights on the "
                   "gradient (1 - mu_t) and on the momentum mu_{t+1}, and the running product mu_product, are wrong",
         expected=("nadam", "momentum_decay", "mu_t", "mu_product", "0.96", "psi", "precedence", "parentheses",
                   "exponent", "momentum schedule", "nesterov", "0.45", "beta1", "bias correction", "power")),
    dict(id="QE10_amsgrad_max_of_g2", side="numpy",
         args=pair("10_amsgrad_numpy.py", "10_amsgrad_torch.py"),
         mechanism="pair: AMSGrad's running maximum is taken of the squared gradient, np.maximum(vmax, g ** 2), instead "
                   "of the second moment v: vmax = g^2 on step 1 instead of 0.001 g^2, so the denominator "
                   "sqrt(vmax / (1 - b2^t)) is about 31.6 times too large at first and every step far too small",
         expected=("amsgrad", "max_exp_avg_sq", "maximum", "np.maximum", "vmax", "v_max", "squared gradient",
                   "g ** 2", "g^2", "second moment", "exp_avg_sq", "denominator", "too small", "31.6",
                   "running max")),
    dict(id="QE11_centered_mean_late", side="numpy",
         args=pair("11_centered_rmsprop_numpy.py", "11_centered_rmsprop_torch.py"),
         mechanism="pair: centred RMSprop updates the gradient's running mean E[g] after computing the denominator "
                   "sqrt(E[g^2] - E[g]^2) + eps, so the variance subtracts the previous step's mean: on step 1 it "
                   "divides by sqrt(0.01 g^2) instead of sqrt(0.01 g^2 - 0.0001 g^2), and later steps use a stale "
                   "E[g] (torch updates grad_avg first)",
         expected=("centered", "centred", "rmsprop", "grad_avg", "mean gradient", "e[g]", "variance", "stale",
                   "previous step", "order", "before", "after", "denominator", "square_avg", "standard deviation")),
    dict(id="QE12_adadelta_acc_g2", side="numpy",
         args=pair("12_adadelta_numpy.py", "12_adadelta_torch.py"),
         mechanism="pair: Adadelta's accumulator of squared updates E[dx^2] is fed the squared gradient, "
                   "(1 - RHO) g^2 (copied from the line above), instead of the squared update dx^2: the numerator "
                   "sqrt(E[dx^2] + eps) grows with the gradients, so from step 2 every step is far larger than "
                   "Zeiler's (equal on step 1)",
         expected=("adadelta", "acc_delta", "e[dx^2]", "squared update", "dx ** 2", "dx^2", "delta", "g ** 2",
                   "squared gradient", "copy-paste", "accumulator", "numerator", "rms[dx]", "zeiler", "step 2")),
    dict(id="QE13_cumulative_warmup", side="numpy",
         args=pair("13_warmup_numpy.py", "13_warmup_torch.py"),
         mechanism="pair: the warm-up factor is applied cumulatively, self.lr *= warmup(s), as MultiplicativeLR would, "
                   "instead of self.lr = LR0 * warmup(s), as LambdaLR does: the rate is LR0 times the product of all "
                   "factors so far, 0.2 LR0, 0.08 LR0, 0.048 LR0, ... instead of 0.2, 0.4, 0.6, 0.8, 1.0 LR0 (equal on "
                   "step 1), never reaching LR0",
         expected=("warm-up", "warmup", "cumulative", "multiplied", "*=", "product", "multiplicativelr", "lambdalr",
                   "lr_lambda", "schedule", "learning rate", "compounded", "base lr", "lr0", "too small")),
    dict(id="QE14_mhat_beta2", side="numpy",
         args=numpy_net("14_adam_numpy.py", "Net", *NP_STEP, *KIT, "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's first moment is bias-corrected with beta2, m_hat = m / (1 - B2 ** t), instead of "
                   "m / (1 - B1 ** t): on step 1 m_hat = 0.1 g / 0.001 = 100 g instead of g, every step about "
                   "100 times Adam's early on (the ratio (1 - b1^t) / (1 - b2^t) shrinking slowly)",
         expected=("bias correction", "m_hat", "first moment", "beta1", "beta2", "b1", "b2", "1 - beta2",
                   "wrong beta", "typo", "100", "too large", "exp_avg", "adam", "1 - b1^t")),
    dict(id="QE15_nesterov_vprev", side="numpy",
         args=numpy_net("15_nesterov_numpy.py", "Net", *NP_STEP, *KIT, "--optimizer", "nesterov", "--momentum", "0.9",
                        "--lr", "0.1"),
         mechanism="Nesterov in Sutskever's form takes its step with the previous velocity, theta += mu v_prev - lr g "
                   "(v_prev kept from the cs231n form), instead of the new velocity, theta += mu v - lr g: the update "
                   "is heavy-ball's, lr g instead of 1.9 lr g on step 1 and mu v_prev - lr g instead of "
                   "mu^2 v_prev - (1 + mu) lr g afterwards",
         expected=("nesterov", "look-ahead", "lookahead", "v_prev", "previous velocity", "old velocity", "new velocity",
                   "heavy-ball", "heavy ball", "momentum", "1.9", "mu * v", "sutskever", "cs231n", "stale")),
    dict(id="QE16_v_of_m", side="numpy",
         args=numpy_net("16_adam_numpy.py", "Net", *NP_STEP, *KIT, "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's second moment averages the square of the first moment, v = b2 v + (1 - b2) m^2, instead of "
                   "the squared gradient g^2: on step 1 v_hat = 0.01 g^2, the denominator ten times too small and the "
                   "step 10 lr sign(g); afterwards v tracks the smoothed gradient's square",
         expected=("second moment", "exp_avg_sq", "v_hat", "m ** 2", "m^2", "squared gradient", "g ** 2", "g^2",
                   "first moment", "denominator", "too large", "10", "adam", "variance", "wrong quantity")),

    # ------------------------------------------------------------------ correct programs
    dict(id="QEC1_adamw_cosine_clip", side="correct",
         args=pair("c1_adamw_numpy.py", "c1_adamw_torch.py"),
         mechanism="pair: NumPy AdamW (decay before the step, moments in interpolation form m += (1 - b1)(g - m), the "
                   "square root of the bias correction taken apart) under a warm-up then cosine rate, gradients "
                   "clipped to a global L2 norm through np.vdot; against torch.optim.AdamW, a LambdaLR from a closure "
                   "factory and nn.utils.clip_grad_norm_",
         expected=()),
    dict(id="QEC2_adagrad_layer_rates", side="correct",
         args=pair("c2_adagrad_numpy.py", "c2_adagrad_torch.py"),
         mechanism="pair: NumPy AdaGrad with a rate per parameter from a dict (hidden layer 0.05, output layer 0.02), "
                   "eps 1e-10 outside the root; against torch.optim.Adagrad over two parameter groups, the first "
                   "taking the optimizer's default lr and the second its own",
         expected=()),
    dict(id="QEC3_foreach_adam", side="correct",
         args=port("c3_foreach_adam_port.py", "Net", *OPT, *KIT, "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: Adam as a torch.optim.Optimizer subclass in Kingma and Ba's efficient form (step size "
                   "lr sqrt(1 - b2^t) / (1 - b1^t), eps scaled by sqrt(1 - b2^t)) over the whole parameter list with "
                   "torch._foreach_lerp_, _foreach_addcmul_ and _foreach_addcdiv_; the kit's NumPy network",
         expected=()),
]
