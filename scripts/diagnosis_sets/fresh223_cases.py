"""Two hundred and twenty-third fresh held-out set for the diagnosis: one planted bug per program
in fresh223/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is less common optimizers
written by hand: Yogi (additive second-moment update with a sign), AdaBelief (variance of the
gradient around its moving average), Lion (sign of an interpolated momentum, decoupled weight
decay), AdamW under a hand-written linear-warmup-then-cosine schedule, and Adagrad with an initial
accumulator value, each training a small MLP regressor or classifier. The ports write the
optimizer as a torch.optim.Optimizer subclass, or use the built-in one where it exists.

The base programs (data from fresh223/make_data.py, fixed seed, full batch, nothing random while
training):

    yogi_numpy.py:YogiMLP / yogi_torch.py:YogiMLP, yogi.npz X (32, 6), y (32, 1)
        params dict, 6 -> 16 tanh -> 1 (W kept (in, out)), MSE mean. Yogi lr 0.02, betas
        (0.9, 0.999), eps 1e-3: v = v - (1 - b2) sign(v - g^2) g^2, both moments bias-corrected,
        eps outside the square root; the port's Yogi is an Optimizer subclass
        (exp_avg, exp_avg_sq).
    adabelief_numpy.py:AdaBeliefClassifier / adabelief_torch.py:AdaBeliefClassifier,
        adabelief.npz X (48, 5), y (48,) in {0, 1, 2}
        parameters as attributes W1, b1, W2, b2 (W kept (in, out)), 5 -> 20 tanh -> 3, softmax
        cross-entropy mean. AdaBelief lr 0.01, betas (0.9, 0.999), eps 1e-8:
        s = b2 s + (1 - b2)(g - m_t)^2 + eps, p -= lr/bc1 m / (sqrt(s)/sqrt(bc2) + eps); the
        port's AdaBelief is an Optimizer subclass (exp_avg, exp_avg_var).
    lion_numpy.py:LionNet / lion_torch.py:LionNet, lion.npz X (40, 8), y (40, 1) in {0, 1}
        a list of layer dicts {"W" (in, out), "b"}, 8 -> 16 tanh -> 1 logit, BCE with logits
        mean. Lion lr 2e-3, betas (0.9, 0.99), weight decay 0.5 (decoupled, p *= 1 - lr wd),
        p -= lr sign(b1 m + (1 - b1) g), then m = b2 m + (1 - b2) g; the port is an
        nn.Sequential of named layers inside a module and a Lion Optimizer subclass.
    adamw_numpy.py:WarmupCosineMLP / adamw_torch.py:WarmupCosineMLP, adamw.npz X (64, 4), y (64, 2)
        params dict, 4 -> 24 -> 24 -> 2 ReLU, MSE mean over every element. AdamW lr 0.01,
        betas (0.9, 0.999), eps 1e-8, weight decay 0.05; the t-th update uses lr t/4 for t <= 4,
        then a cosine from lr to 0.1 lr over the remaining 16 of 20 steps; the port uses
        torch.optim.AdamW and LambdaLR (scheduler.step() after optimizer.step()).
    adagrad_numpy.py:AdagradRegressor / adagrad_torch.py:AdagradRegressor, adagrad.npz
        X (32, 6), y (32, 2)
        a list of Dense layer objects (W (in, out), b, their gradients and accumulators),
        6 -> 16 sigmoid -> 2, squared error summed over the outputs and averaged over the batch.
        Adagrad lr 0.05, initial accumulator 0.1, eps 1e-10 (G += g^2 before the update); the
        port uses torch.optim.Adagrad(initial_accumulator_value=0.1).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh223_cases

Each case:
    id          short name (prefixed WO)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh223/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def yogi(numpy="yogi_numpy.py", port="yogi_torch.py"):
    return [F + numpy + ":YogiMLP", "--torch", F + port + ":YogiMLP",
            "--data", F + "yogi.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *RUN]


def yogi_alt():
    return [F + "yogi_alt_numpy.py:YogiRegressor", "--torch", F + "yogi_torch.py:YogiMLP",
            "--data", F + "yogi.npz", "--as-written",
            "--param", "W1=fc1.weight.T",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight.T",
            "--param", "b2=fc2.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *RUN]


def adabelief(numpy="adabelief_numpy.py", port="adabelief_torch.py"):
    return [F + numpy + ":AdaBeliefClassifier", "--torch", F + port + ":AdaBeliefClassifier",
            "--data", F + "adabelief.npz", "--as-written",
            "--param", "W1=hidden.weight.T",
            "--param", "b1=hidden.bias",
            "--param", "W2=out.weight.T",
            "--param", "b2=out.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_var=net.s", *RUN]


def lion(numpy="lion_numpy.py", port="lion_torch.py"):
    return [F + numpy + ":LionNet", "--torch", F + port + ":LionNet",
            "--data", F + "lion.npz", "--as-written",
            "--param", "layers[0]['W']=body.fc1.weight.T",
            "--param", "layers[0]['b']=body.fc1.bias",
            "--param", "layers[1]['W']=body.fc2.weight.T",
            "--param", "layers[1]['b']=body.fc2.bias", *RUN]


def adamw(numpy="adamw_numpy.py", port="adamw_torch.py"):
    return [F + numpy + ":WarmupCosineMLP", "--torch", F + port + ":WarmupCosineMLP",
            "--data", F + "adamw.npz", "--as-written",
            "--param", "params['W1']=l1.weight.T",
            "--param", "params['b1']=l1.bias",
            "--param", "params['W2']=l2.weight.T",
            "--param", "params['b2']=l2.bias",
            "--param", "params['W3']=l3.weight.T",
            "--param", "params['b3']=l3.bias",
            "--state", "exp_avg=net.m", "--state", "exp_avg_sq=net.v", *RUN]


def adamw_alt():
    return [F + "adamw_alt_numpy.py:WarmupCosineMLPT", "--torch", F + "adamw_torch.py:WarmupCosineMLP",
            "--data", F + "adamw.npz", "--as-written",
            "--param", "weights[0]=l1.weight",
            "--param", "biases[0]=l1.bias",
            "--param", "weights[1]=l2.weight",
            "--param", "biases[1]=l2.bias",
            "--param", "weights[2]=l3.weight",
            "--param", "biases[2]=l3.bias", *RUN]


def adagrad(numpy="adagrad_numpy.py", port="adagrad_torch.py"):
    return [F + numpy + ":AdagradRegressor", "--torch", F + port + ":AdagradRegressor",
            "--data", F + "adagrad.npz", "--as-written",
            "--param", "layers[0].W=hidden.weight.T",
            "--param", "layers[0].b=hidden.bias",
            "--param", "layers[1].W=head.weight.T",
            "--param", "layers[1].b=head.bias", *RUN]


def adagrad_alt():
    return [F + "adagrad_numpy.py:AdagradRegressor", "--torch", F + "adagrad_alt_torch.py:AdagradRegressorList",
            "--data", F + "adagrad.npz", "--as-written",
            "--param", "layers[0].W=layers.0.weight.T",
            "--param", "layers[0].b=layers.0.bias",
            "--param", "layers[1].W=layers.1.weight.T",
            "--param", "layers[1].b=layers.1.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WO01", "side": "port", "args": yogi(port="01_yogieps_port.py"),
     "mechanism": "Yogi denominator with eps inside the square root, sqrt(v_hat + eps), where the "
                  "NumPy program adds eps 1e-3 after it, sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "square root", "sqrt", "denominator")},
    {"id": "WO02", "side": "port", "args": adabelief(port="02_oldmoment_port.py"),
     "mechanism": "AdaBelief residual g - m taken with the momentum of the previous step (exp_avg "
                  "updated after the residual), where the NumPy program uses the updated m_t",
     "expected": ("residual", "previous", "stale", "order", "exp_avg_var", "belief")},
    {"id": "WO03", "side": "port", "args": lion(port="03_signmomentum_port.py"),
     "mechanism": "Lion step takes the sign of the momentum after its beta2 update (signum-style), "
                  "not of the beta1 interpolation b1 m + (1 - b1) g",
     "expected": ("sign", "interpolation", "momentum", "beta1", "lion")},
    {"id": "WO04", "side": "port", "args": adamw(port="04_warmupoffbyone_port.py"),
     "mechanism": "LambdaLR warmup factor step / warmup with the 0-based scheduler step: every "
                  "learning rate one step behind, the first update made with lr 0",
     "expected": ("warmup", "schedule", "learning rate", "off-by-one", "one step")},
    {"id": "WO05", "side": "port", "args": adamw(port="05_adamcoupled_port.py"),
     "mechanism": "torch.optim.Adam(weight_decay=0.05), L2 added to the gradient (coupled), in "
                  "place of AdamW's decoupled decay p *= 1 - lr wd",
     "expected": ("weight decay", "weight_decay", "decoupled", "coupled", "adamw", "l2")},
    {"id": "WO06", "side": "port", "args": adagrad(port="06_noinitacc_port.py"),
     "mechanism": "torch.optim.Adagrad without initial_accumulator_value=0.1: the accumulator "
                  "starts at 0 where the NumPy one starts at 0.1",
     "expected": ("initial_accumulator", "initial accumulator", "accumulator", "adagrad", "0.1")},
    {"id": "WO07", "side": "port", "args": adagrad(port="07_mseloss_port.py"),
     "mechanism": "F.mse_loss (mean over the batch and the 2 outputs) where the NumPy loss sums "
                  "the outputs and averages over the batch: loss and gradients half as large",
     "expected": ("mse_loss", "reduction", "mean", "sum", "factor 2", "outputs")},
    {"id": "WO08", "side": "port", "args": yogi(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate over steps "
                  "from step 2 on",
     "expected": ("zero_grad", "accumulat", "accumulate")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WO09", "side": "numpy", "args": yogi(numpy="09_msegrad_numpy.py"),
     "mechanism": "MSE derivative written (out - y) / n without the factor 2: every gradient "
                  "half the true one",
     "expected": ("factor 2", "2 (", "half", "mse", "derivative")},
    {"id": "WO10", "side": "numpy", "args": adabelief(numpy="10_nobc2_numpy.py"),
     "mechanism": "AdaBelief denominator sqrt(s) + eps without the second-moment bias correction "
                  "sqrt(1 - b2^t) (the first-moment correction kept)",
     "expected": ("bias correction", "bias-correct", "second moment", "bias_correction2", "1 - beta2")},
    {"id": "WO11", "side": "numpy", "args": adabelief(numpy="11_sumgrad_numpy.py"),
     "mechanism": "softmax cross-entropy gradient (probs - onehot) not divided by the batch size "
                  "N = 48: gradients of the summed loss while the loss is the mean",
     "expected": ("batch size", "sum", "mean", "reduction", "48")},
    {"id": "WO12", "side": "numpy", "args": lion(numpy="12_betaswap_numpy.py"),
     "mechanism": "Lion's betas swapped: the interpolation for the sign uses beta2 = 0.99 and "
                  "the momentum is tracked with beta1 = 0.9",
     "expected": ("beta", "swap", "beta1", "beta2", "momentum")},
    {"id": "WO13", "side": "numpy", "args": lion(numpy="13_aliasmomentum_numpy.py"),
     "mechanism": "Lion interpolation built in place on the momentum buffer (c = m; c *= b1; "
                  "c += (1 - b1) g), so the stored momentum is overwritten before its own update",
     "expected": ("in place", "in-place", "alias", "momentum", "copy")},
    {"id": "WO14", "side": "numpy", "args": adamw(numpy="14_cosineperiod_numpy.py"),
     "mechanism": "cosine phase (t - warmup) / total_steps instead of / (total_steps - warmup): "
                  "learning rates after the warmup too high",
     "expected": ("schedule", "cosine", "learning rate", "warmup", "total")},
    {"id": "WO15", "side": "numpy", "args": adamw(numpy="15_relumask_numpy.py"),
     "mechanism": "ReLU backward masked with (activation >= 0), always true, instead of "
                  "(pre-activation > 0): the gradient flows through inactive units",
     "expected": ("relu", "mask", "derivative", "inactive", "activation")},
    {"id": "WO16", "side": "numpy", "args": adagrad(numpy="16_accorder_numpy.py"),
     "mechanism": "Adagrad update divides by the accumulator before this step's g^2 is added "
                  "(G updated after the parameter step)",
     "expected": ("accumulator", "order", "before", "stale", "previous", "sum")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WO17", "side": "correct", "args": adamw_alt(),
     "mechanism": "correct: weights kept (out, in) in lists, einsum products, AdamW moments "
                  "updated in place, the schedule written as a factor on the base rate",
     "expected": ()},
    {"id": "WO18", "side": "correct", "args": adagrad_alt(),
     "mechanism": "correct: port with an nn.ModuleList and Adagrad written as an Optimizer "
                  "subclass (accumulator filled with 0.1 at construction)",
     "expected": ()},
    {"id": "WO19", "side": "correct", "args": yogi_alt(),
     "mechanism": "correct: Yogi with parameters as attributes, in-place moments, "
                  "v += (1 - b2) sign(g^2 - v) g^2 and the bias corrections folded into the step "
                  "size and eps",
     "expected": ()},
]
