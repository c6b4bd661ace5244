"""Sixty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh67/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is knowledge distillation written by hand: a fixed teacher (a 6-8-3 ReLU MLP read from
fresh67/teacher.npz, never trained) and a student trained on a mix of the hard-label
cross-entropy and the T**2-scaled KL divergence between the temperature-softened teacher and
student softmaxes (alpha mixing), with SGD and momentum; the same plus feature distillation
(FitNets-style: an MSE between the student's hidden layer, through a learned linear projection,
and the teacher's post-ReLU hidden layer), trained with Adam (beta2 0.99); and self-distillation
from a mean teacher (an exponential moving average of the student's own weights) with
label-smoothed cross-entropy, trained with Nesterov SGD. The ports use F.kl_div on log_softmax
inputs with reduction='batchmean', nn.CrossEntropyLoss (label_smoothing), a frozen teacher under
torch.no_grad or in buffers, and torch.optim.SGD / Adam. fresh67/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh67_cases

Each case:
    id          short name (prefixed QO)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh67/"

DISTILL = F + "distill.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--data", DISTILL, *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


KD = ("--batch-size", "16")
KD_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
KD_COLUMNS_PARAMS = params("W1=fc1.weight", "b1=fc1.bias", "W2=fc2.weight", "b2=fc2.bias")
FEAT_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                     "params['b2']=fc2.bias", "params['Wr']=proj.weight.T", "params['br']=proj.bias")
FEAT_F_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2",
                       "params['Wr']=Wr", "params['br']=br")
SELF = ("--batch-size", "24")
SELF_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                     "params['b2']=fc2.bias")
SELF_SEQ_PARAMS = params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias", "params['W2']=net.2.weight.T",
                         "params['b2']=net.2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QO01_kd_kl_default_reduction", side="port",
         args=pair("kd_numpy.py", "DistilledMLP", "01_kd_kl_reduction_port.py", "DistilledMLP", *KD, *KD_PARAMS),
         mechanism="pair: the port calls F.kl_div(log_student, soft_targets) without reduction='batchmean', so the "
                   "default reduction='mean' averages over every element, batch times the 3 classes, instead of "
                   "summing over classes and dividing by the batch: the distillation term and its gradient are a "
                   "third of the NumPy program's (the hard cross-entropy part is unchanged)",
         expected=("kl_div", "kl divergence", "reduction", "batchmean", "mean", "default", "number of classes",
                   "1/3", "one third", "factor 3", "divided by", "elements", "soft loss", "distillation term",
                   "scaled")),
    dict(id="QO02_kd_kl_probabilities", side="port",
         args=pair("kd_numpy.py", "DistilledMLP", "02_kd_kl_probs_port.py", "DistilledMLP", *KD, *KD_PARAMS),
         mechanism="pair: the port feeds F.kl_div the student's softened probabilities, F.softmax(s / T), where it "
                   "expects log-probabilities, F.log_softmax(s / T): kl_div computes sum p_t (log p_t - input), so "
                   "the probabilities are read as logs; the distillation loss and its gradient through the student "
                   "logits are wrong from the first step",
         expected=("kl_div", "log_softmax", "softmax", "log-probabilities", "log probabilities", "log space",
                   "probabilities", "input", "expects log", "missing log", "log", "kl divergence",
                   "distillation loss", "student")),
    dict(id="QO03_kd_nesterov", side="port",
         args=pair("kd_numpy.py", "DistilledMLP", "03_kd_nesterov_port.py", "DistilledMLP", *KD, *KD_PARAMS),
         mechanism="pair: the port's optimizer is torch.optim.SGD(momentum=0.9, nesterov=True) where the NumPy "
                   "program uses classic (heavy-ball) momentum: the velocity buffers agree but every update is "
                   "lr (g + mu v) instead of lr v, 1.9 times the gradient step at step 1",
         expected=("nesterov", "momentum", "sgd", "heavy ball", "classic momentum", "look-ahead", "lookahead",
                   "optimizer", "update", "velocity", "g + mu", "momentum_buffer", "1.9")),
    dict(id="QO04_feat_teacher_no_temperature", side="port",
         args=pair("feat_numpy.py", "FeatureKD", "04_feat_teacher_temp_port.py", "FeatureKD", *FEAT_PARAMS),
         mechanism="pair: the port softens only the student: the teacher's targets are F.softmax(t_logits) at "
                   "temperature 1 instead of F.softmax(t_logits / T) with T = 2, so the soft targets are sharper, the "
                   "KL divergence term and its gradient on the student logits differ (the feature MSE and the hard "
                   "cross-entropy are right)",
         expected=("temperature", "/ t", "t_logits / t", "teacher", "soft targets", "softened", "sharper",
                   "softmax", "kl divergence", "kl_div", "distillation", "missing division", "hinton", "t = 2")),
    dict(id="QO05_feat_preactivation_target", side="port",
         args=pair("feat_numpy.py", "FeatureKD", "05_feat_preact_port.py", "FeatureKD", *FEAT_PARAMS),
         mechanism="pair: the port's teacher returns its hidden layer before the ReLU (the pre-activation "
                   "x W1 + b1) as the feature-distillation target instead of the rectified hidden units: the MSE "
                   "target has negative entries where the NumPy program's is 0, so the feature loss and the "
                   "gradients of the projection and the student's first layer differ (the teacher logits are right)",
         expected=("relu", "pre-activation", "preactivation", "before the activation", "activation", "hidden",
                   "feature", "feature distillation", "target", "mse", "fitnets", "hint", "negative",
                   "projection", "teacher")),
    dict(id="QO06_feat_adam_beta2_default", side="port",
         args=pair("feat_numpy.py", "FeatureKD", "06_feat_adam_betas_port.py", "FeatureKD", *FEAT_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam(lr=LR) without betas=(0.9, 0.99), so the second moment "
                   "decays with the default beta2 = 0.999 instead of 0.99: the gradients and first moments agree, "
                   "exp_avg_sq and its bias correction differ from step 2, so every Adam update differs",
         expected=("adam", "betas", "beta2", "0.999", "0.99", "default", "second moment", "exp_avg_sq",
                   "variance", "bias correction", "optimizer", "hyperparameter", "decay rate")),
    dict(id="QO07_selfkd_ema_weights_swapped", side="port",
         args=pair("selfkd_numpy.py", "MeanTeacher", "07_selfkd_ema_swap_port.py", "MeanTeacher", *SELF,
                   *SELF_PARAMS),
         mechanism="pair: the port's mean-teacher update is ema.mul_(1 - decay).add_(p, alpha=decay) instead of "
                   "ema.mul_(decay).add_(p, alpha=1 - decay): the teacher keeps 0.2 of its average and takes 0.8 of "
                   "the new student weights, so from step 2 the teacher's soft targets, the KL term and the "
                   "gradients differ",
         expected=("ema", "exponential moving average", "moving average", "mean teacher", "decay", "swapped",
                   "1 - decay", "momentum", "teacher weights", "teacher", "self-distillation", "lerp",
                   "averaged", "0.8")),
    dict(id="QO08_selfkd_no_label_smoothing", side="port",
         args=pair("selfkd_numpy.py", "MeanTeacher", "08_selfkd_smoothing_port.py", "MeanTeacher", *SELF,
                   *SELF_PARAMS),
         mechanism="pair: the port's hard loss is nn.CrossEntropyLoss() without label_smoothing=0.1: its targets "
                   "are one-hot instead of 0.9 one-hot + 0.1 / 3, so the cross-entropy value and the gradient on "
                   "the logits (softmax - target) differ on every row",
         expected=("label smoothing", "label_smoothing", "smoothed", "one-hot", "onehot", "crossentropyloss",
                   "cross-entropy", "default", "targets", "0.1", "eps", "soft labels", "missing argument")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QO09_kd_grad_unsoftened_probs", side="numpy",
         args=pair("09_kd_grad_temperature_numpy.py", "DistilledMLP", "kd_torch.py", "DistilledMLP", *KD,
                   *KD_PARAMS),
         mechanism="pair: the hand-written gradient of the distillation term uses the student's temperature-1 "
                   "probabilities, softmax(z), instead of the softened softmax(z / T): dz = alpha T (p - p_t) / n "
                   "with the wrong p, so the logits' gradient and every weight gradient are off (forward and loss "
                   "right)",
         expected=("temperature", "softened", "softmax(z / t)", "soft", "probabilities", "wrong variable",
                   "backward", "gradient", "distillation", "kl", "student", "logits", "p_s", "dz")),
    dict(id="QO10_kd_stabiliser_axis", side="numpy",
         args=pair("10_kd_stable_max_numpy.py", "DistilledMLP", "kd_torch.py", "DistilledMLP", *KD, *KD_PARAMS),
         mechanism="pair: the log-softmax helper subtracts the maximum over axis=0 (a per-class maximum over the "
                   "batch) instead of each row's maximum over axis=1: the shift differs between the classes of a "
                   "row, so it no longer cancels, and every softmax (teacher and student, soft and hard) is wrong "
                   "in the forward pass, with the loss and all gradients",
         expected=("axis", "axis=0", "axis=1", "max", "maximum", "stability", "log-softmax", "log_softmax",
                   "softmax", "shift", "keepdims", "rows", "columns", "wrong axis", "normaliz")),
    dict(id="QO11_kd_momentum_unused", side="numpy",
         args=pair("11_kd_momentum_unused_numpy.py", "DistilledMLP", "kd_torch.py", "DistilledMLP", *KD,
                   *KD_PARAMS),
         mechanism="pair: the momentum step accumulates the velocity v = mu v + g but then updates the weights "
                   "with the raw gradient, w -= lr g, instead of w -= lr v: the gradients and velocity agree, the "
                   "updates equal at step 1 and fall short of torch's from step 2 (plain SGD)",
         expected=("momentum", "velocity", "unused", "update", "raw gradient", "plain sgd", "sgd",
                   "momentum_buffer", "lr * g", "instead of velocity", "optimizer", "step 2", "not applied")),
    dict(id="QO12_feat_mse_grad_factor", side="numpy",
         args=pair("12_feat_mse_grad_numpy.py", "FeatureKD", "feat_torch.py", "FeatureKD", *FEAT_PARAMS),
         mechanism="pair: the hand-written gradient of the feature-distillation MSE drops the factor 2, "
                   "d(mean (f - h_t)^2)/df = (f - h_t) / size instead of 2 (f - h_t) / size: the projection's "
                   "gradients are half and the student's first layer gets half the feature term (forward and loss "
                   "right)",
         expected=("mse", "squared error", "factor 2", "factor of 2", "half", "2 *", "derivative", "feature",
                   "projection", "feature distillation", "gradient", "backward", "missing factor", "0.5")),
    dict(id="QO13_feat_adam_step_count", side="numpy",
         args=pair("13_feat_adam_t_numpy.py", "FeatureKD", "feat_torch.py", "FeatureKD", *FEAT_PARAMS),
         mechanism="pair: the Adam step counter starts at 1 instead of 0, so the first update runs with t = 2: the "
                   "bias corrections divide by 1 - beta1**(t+1) and 1 - beta2**(t+1), one step late, so every "
                   "update is mis-scaled (largest at the start), the gradients and moments agree",
         expected=("adam", "step count", "step counter", "t = 1", "off by one", "off-by-one", "bias correction",
                   "1 - beta1", "1 - beta2", "timestep", "initial", "update", "moving with the step")),
    dict(id="QO14_selfkd_w1_grad_transposed", side="numpy",
         args=pair("14_selfkd_w1_transposed_numpy.py", "MeanTeacher", "selfkd_torch.py", "MeanTeacher", *SELF,
                   *SELF_PARAMS),
         mechanism="pair: the first layer's gradient is written da.T @ X instead of X.T @ da; the (6, 6) weight is "
                   "square so the shapes fit, but the gradient is the transpose of the true one: W1 gets the wrong "
                   "gradient (every other gradient, forward and loss right)",
         expected=("transpose", "transposed", "x.t @", "da.t", "matmul order", "operand order", "square",
                   "w1", "first layer", "gradient", "backward", "outer product", "swapped", "layout")),
    dict(id="QO15_selfkd_smoothing_mass", side="numpy",
         args=pair("15_selfkd_smoothing_mass_numpy.py", "MeanTeacher", "selfkd_torch.py", "MeanTeacher", *SELF,
                   *SELF_PARAMS),
         mechanism="pair: the label-smoothed targets spread eps / (K - 1) on every class (then add 1 - eps on the "
                   "true one) instead of eps / K: the targets sum to 1.05 instead of 1, so the smoothed "
                   "cross-entropy and its gradient softmax - q differ on every row",
         expected=("label smoothing", "smoothing", "eps / k", "k - 1", "eps / (k - 1)", "targets", "sum to one",
                   "normaliz", "off-target", "uniform", "constant", "cross-entropy", "soft labels", "1.05")),
    dict(id="QO16_selfkd_live_teacher", side="numpy",
         args=pair("16_selfkd_live_teacher_numpy.py", "MeanTeacher", "selfkd_torch.py", "MeanTeacher", *SELF,
                   *SELF_PARAMS),
         mechanism="pair: the teacher's logits are computed with the live student weights, mlp(p, X), instead of "
                   "the exponential moving average, mlp(self.ema, X): the teacher equals the student, the KL term "
                   "is zero and gives no gradient; equal at step 1 (the average starts at the weights) and "
                   "different from step 2",
         expected=("teacher", "mean teacher", "ema", "moving average", "student weights", "wrong weights",
                   "self-distillation", "kl", "zero", "no gradient", "distillation term", "averaged",
                   "wrong variable", "step 2")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QO17_kd_columns_numpy", side="correct",
         args=pair("kd_columns_numpy.py", "DistilledColumns", "kd_torch.py", "DistilledMLP", *KD, *KD_COLUMNS_PARAMS),
         mechanism="pair: the Hinton distillation MLP in NumPy with samples as columns, (out, in) weights as "
                   "attributes, a forward cache, log-sum-exp by np.logaddexp.reduce, the KL written as "
                   "cross-entropy minus the teacher's entropy, momentum into preallocated buffers with out=; "
                   "against the nn.Module port with F.kl_div and SGD(momentum)", expected=()),
    dict(id="QO18_feat_functional_port", side="correct",
         args=pair("feat_numpy.py", "FeatureKD", "feat_functional_torch.py", "FeatureKDF", *FEAT_F_PARAMS),
         mechanism="pair: feature distillation port with raw (in, out) nn.Parameters, torch.addmm, float32 teacher "
                   "buffers with .detach(), nn.KLDivLoss(batchmean, log_target=True), F.nll_loss of log_softmax, "
                   "the MSE written out, Adam(foreach=False), zero_grad(set_to_none=True)", expected=()),
    dict(id="QO19_selfkd_sequential_port", side="correct",
         args=pair("selfkd_numpy.py", "MeanTeacher", "selfkd_seq_torch.py", "MeanTeacherSeq", *SELF,
                   *SELF_SEQ_PARAMS),
         mechanism="pair: mean-teacher port with an nn.Sequential student, the EMA teacher run by "
                   "torch.func.functional_call over buffers moved with Tensor.lerp_, a step-count buffer, "
                   "label-smoothed probability targets to F.cross_entropy and the KL written by hand; Nesterov SGD",
         expected=()),
]
