"""Forty-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh44/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is multi-task networks and gated mixtures written by hand: a shared
trunk with a regression and a classification head whose losses are weighted and summed, learned
uncertainty weights exp(-s) L + s, a probe behind a stop-gradient, a regression target measured
for only some rows (a mask), deep supervision by an auxiliary head on an intermediate layer, a
dense mixture of experts with a softmax gate, a highway layer and a gated linear unit, and
two-task sigmoid networks checked against the kit's own family. fresh44/make_data.py writes the
pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh44_cases

Each case:
    id          short name (prefixed PR)
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
of the development set (cases.py) and of the earlier fresh sets. Each buggy program was checked
to fail (exit 1) and its fix (the bug line the only difference, written beside it as '# fix:')
to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh44/"
port, numpy_net = in_folder(F)

TASKS, EXPERTS = F + "tasks.npz", F + "experts.npz"
KIT = ["--data", "random:40,5,2", "--hidden-activation", "tanh", "--output-activation", "sigmoid",
       "--loss", "bce", "--lr", "0.5"]


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MOE = params("params['We']=experts.weight.T", "params['be']=experts.bias", "params['Wg']=gate.weight.T",
             "params['bg']=gate.bias")
HEADS = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['Wr']=reg_head.weight.T",
               "params['br']=reg_head.bias", "params['Wc']=cls_head.weight.T", "params['bc']=cls_head.bias")
PROBE = params("params['W1']=trunk.weight.T", "params['b1']=trunk.bias", "params['Wr']=reg_head.weight.T",
               "params['br']=reg_head.bias", "params['Wp']=probe.weight.T", "params['bp']=probe.bias")
AUX = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
             "params['b2']=fc2.bias", "params['W3']=head.weight.T", "params['b3']=head.bias",
             "params['Wa']=aux_head.weight.T", "params['ba']=aux_head.bias")
HIGHWAY = params("params['W0']=inp.weight.T", "params['b0']=inp.bias", "params['Wh']=H.weight.T",
                 "params['bh']=H.bias", "params['Wt']=T.weight.T", "params['bt']=T.bias",
                 "params['Wo']=out.weight.T", "params['bo']=out.bias")
GLU = params("params['Wp']=proj.weight.T", "params['bp']=proj.bias", "params['Wo']=out.weight.T",
             "params['bo']=out.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PR01_moe_gate_over_rows", side="port",
         args=pair("01_moe_numpy.py", "MixtureOfExperts", "01_moe_torch.py", "MixtureOfExperts",
                   "--data", EXPERTS, *MOE),
         mechanism="pair: the port's mixture-of-experts gate is torch.softmax(self.gate(x), dim=0), normalised over "
                   "the rows of the batch instead of over the experts (dim=1): each expert's gate column sums to 1 "
                   "down the batch, so every row's gate weights are about 1/n and do not sum to 1 over the experts; "
                   "the mixture's output, the loss and every gradient are wrong",
         expected=("dim=0", "dim=1", "softmax", "gate", "gating", "over the rows", "over the batch",
                   "across the batch", "batch axis", "over the experts", "wrong axis", "wrong dimension",
                   "normalis", "normaliz", "sum to 1", "experts", "mixture")),
    dict(id="PR02_uncertainty_regulariser_mean", side="port",
         args=pair("02_uncertainty_numpy.py", "UncertaintyTwoTask", "02_uncertainty_torch.py", "UncertaintyTwoTask",
                   "--data", TASKS, *HEADS, "--param", "params['s']=log_vars"),
         mechanism="pair: the port's uncertainty-weighted loss sum(exp(-s) * L) + s.mean() takes the mean of the two "
                   "log-variances as the regulariser instead of their sum: each s_i's regulariser gradient is 1/2 "
                   "instead of 1, so log_vars.grad = -exp(-s) L + 0.5 (the weights' gradients are right) and the "
                   "loss is lower by (s_r + s_c) / 2",
         expected=("log_vars", "log-variance", "log variance", "uncertainty", "regulariser", "regularizer",
                   ".mean()", "mean instead of sum", "sum", "1/2", "0.5", "half", "exp(-s)", "+ s",
                   "kendall", "task weight")),
    dict(id="PR03_probe_output_detached", side="port",
         args=pair("03_probe_numpy.py", "ProbedRegressor", "03_probe_torch.py", "ProbedRegressor",
                   "--data", TASKS, *PROBE),
         mechanism="pair: the port's stop-gradient is put on the probe's output, self.probe(h).detach(), instead of "
                   "its input, self.probe(h.detach()): the probe's cross-entropy has no graph, so the probe's own "
                   "weights (Wp, bp) get no gradient and are never updated, where the NumPy program trains the probe "
                   "and only stops its gradient into the trunk (the trunk and regression head are right)",
         expected=("detach", ".detach()", "stop-gradient", "stop gradient", "probe", "no gradient", "grad is none",
                   "none", "never updated", "not updated", "not trained", "output instead of input",
                   "h.detach()", "frozen", "missing gradient")),
    dict(id="PR04_masked_mse_over_all_rows", side="port",
         args=pair("04_masked_numpy.py", "PartlyLabelledNet", "04_masked_torch.py", "PartlyLabelledNet",
                   "--data", TASKS, *HEADS),
         mechanism="pair: the port masks the regression loss as F.mse_loss(reg * m, y * m), which averages the masked "
                   "squared errors over all n rows instead of over the m.sum() measured rows: the regression loss "
                   "and its gradients (Wr, br and its share of the trunk's) are k / n (about 0.6) times the NumPy "
                   "program's masked mean",
         expected=("mask", "masked", "mse_loss", "mean over all rows", "all rows", "m.sum()", "mask.sum()",
                   "measured rows", "labelled rows", "number of", "denominator", "normalis", "normaliz",
                   "k / n", "fraction", "divided by n")),
    dict(id="PR05_highway_carry_is_t", side="port",
         args=pair("06_highway_numpy.py", "HighwayRegressor", "06_highway_torch.py", "HighwayRegressor",
                   "--data", TASKS, *HIGHWAY),
         mechanism="pair: the port's highway layer is written y = t * h + t * x, the carry gate (1 - t) written as "
                   "the transform gate t: the input passes through scaled by t instead of 1 - t, so the layer's "
                   "output, the loss and every gradient differ from the NumPy program's t * H(x) + (1 - t) * x",
         expected=("highway", "carry", "carry gate", "1 - t", "(1 - t)", "transform gate", "t * x", "gate",
                   "skip", "identity path", "convex", "complement", "sigmoid gate")),
    dict(id="PR06_aux_head_on_wrong_layer", side="port",
         args=pair("05_aux_numpy.py", "DeeplySupervised", "05_aux_torch.py", "DeeplySupervised",
                   "--data", TASKS, *AUX),
         mechanism="pair: variable reuse in the port's forward: h is rebound to the second hidden layer before the "
                   "auxiliary head reads it, aux = self.aux_head(h) instead of self.aux_head(h1): the deep-supervision "
                   "head sits on layer 2 instead of layer 1, so its loss, Wa's gradient and its contributions to "
                   "W2, b2 (and not W1 directly) differ",
         expected=("auxiliary", "aux", "aux_head", "intermediate", "wrong layer", "second layer", "first layer",
                   "h1", "deep supervision", "rebound", "reassigned", "variable", "layer 2", "layer 1")),
    dict(id="PR07_task_losses_over_rows", side="port",
         args=port("07_task_average_port.py", "Net", *OPT, *KIT),
         mechanism="the port averages its per-task binary cross-entropies with sum(losses) / len(y), the number of "
                   "rows (40), instead of len(losses), the number of tasks (2): the loss and every gradient are "
                   "2 / 40 = 1/20 of the kit's mean over tasks",
         expected=("len(y)", "len(losses)", "number of rows", "number of tasks", "tasks", "per-task",
                   "batch size", "1/20", "0.05", "20", "factor", "scaled", "average", "divided")),
    dict(id="PR08_task_grad_norm_backward", side="port",
         args=port("08_task_norm_port.py", "Net", *OPT, *KIT),
         mechanism="the port measures the first task's gradient norm with loss_a.backward(retain_graph=True) and "
                   "reads p.grad, then back-propagates the averaged loss without zeroing: the first task's gradient "
                   "stays in .grad, so the step uses grad((a + b) / 2) + grad(a) = 1.5 grad a + 0.5 grad b instead "
                   "of torch.autograd.grad for the norm",
         expected=("backward", "retain_graph", "autograd.grad", "accumulate", "accumulat", "zero_grad",
                   "counted twice", "twice", "grad norm", "gradient norm", "first task", "task a", "loss_a",
                   "1.5", "extra", "logging")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PR09_moe_gate_grad_no_expert_outputs", side="numpy",
         args=pair("09_moe_numpy.py", "MixtureOfExperts", "09_moe_torch.py", "MixtureOfExperts",
                   "--data", EXPERTS, *MOE),
         mechanism="pair: the gate's gradient leaves out the expert outputs, d_g = d_out instead of d_out * f: the "
                   "same value for every expert, which the softmax Jacobian g (d_g - sum g d_g) maps to zero, so the "
                   "gate (Wg, bg) gets no gradient and never learns (the experts' gradients are right)",
         expected=("gate", "gating", "expert outputs", "expert output", "d_out * f", "f_e", "missing factor",
                   "softmax jacobian", "zero gradient", "no gradient", "never learns", "wg", "bg",
                   "product rule", "mixture")),
    dict(id="PR10_uncertainty_grad_missing_one", side="numpy",
         args=pair("10_uncertainty_numpy.py", "UncertaintyTwoTask", "10_uncertainty_torch.py", "UncertaintyTwoTask",
                   "--data", TASKS, *HEADS, "--param", "params['s']=log_vars"),
         mechanism="pair: the learned log-variances' gradient of exp(-s) L + s is written -exp(-s) L, the + 1 from the "
                   "regulariser s dropped: s gets -exp(-s) L instead of 1 - exp(-s) L, so it only grows (the task "
                   "weights exp(-s) shrink); every other gradient is right",
         expected=("+ 1", "+1", "1 -", "derivative of s", "regulariser", "regularizer", "log-variance",
                   "log variance", "uncertainty", "exp(-s)", "missing term", "constant", "g[\"s\"]", "s grad",
                   "task weight")),
    dict(id="PR11_mask_cast_to_int", side="numpy",
         args=pair("12_masked_numpy.py", "PartlyLabelledNet", "12_masked_torch.py", "PartlyLabelledNet",
                   "--data", TASKS, *HEADS),
         mechanism="pair: the 0/1 mask column is cast with astype(int) instead of astype(bool), so h[rows] is integer "
                   "(fancy) indexing, not a boolean mask: every row picks row 0 or row 1 of the batch, the regression "
                   "head is fitted on n copies of the first two rows' features and targets instead of the measured "
                   "rows (its gradients and its share of the trunk's wrong; the classification head is right)",
         expected=("astype(int)", "astype(bool)", "bool", "boolean", "integer index", "fancy index", "fancy indexing",
                   "row 0", "row 1", "first two rows", "mask", "index", "indexing", "measured rows", "0/1")),
    dict(id="PR12_aux_grad_skips_tanh", side="numpy",
         args=pair("13_aux_numpy.py", "DeeplySupervised", "13_aux_torch.py", "DeeplySupervised",
                   "--data", TASKS, *AUX),
         mechanism="pair: the auxiliary head's delta is added to the first hidden layer's delta after the tanh "
                   "derivative, d1 = (d2 @ W2.T) * (1 - h1^2) + d_aux @ Wa.T, instead of inside it: the auxiliary "
                   "loss's contribution to W1 and b1 skips the derivative 1 - h1^2 (the heads, W2 and b2 are right)",
         expected=("auxiliary", "aux", "d_aux", "tanh derivative", "1 - h1", "1 - h^2", "derivative", "parenthes",
                   "outside", "after the derivative", "skips", "missing derivative", "intermediate", "first layer",
                   "w1", "deep supervision")),
    dict(id="PR13_highway_gate_grad_no_carry", side="numpy",
         args=pair("14_highway_numpy.py", "HighwayRegressor", "14_highway_torch.py", "HighwayRegressor",
                   "--data", TASKS, *HIGHWAY),
         mechanism="pair: the highway's transform-gate gradient is dy * H(x) instead of dy * (H(x) - x): the carry "
                   "term (1 - t) x's derivative -x with respect to t is left out, so the gate (Wt, bt) and through "
                   "it the input layer (W0, b0) get wrong gradients; the forward pass is right",
         expected=("highway", "transform gate", "carry", "gate gradient", "h - x", "(hh - x1)", "- x", "1 - t",
                   "carry term", "missing term", "product rule", "wt", "bt", "gate")),
    dict(id="PR14_glu_gate_grad_no_value", side="numpy",
         args=pair("15_glu_numpy.py", "GluRegressor", "15_glu_torch.py", "GluRegressor",
                   "--data", TASKS, *GLU),
         mechanism="pair: the gated linear unit's gate-half gradient is d_h * s (1 - s) without the value half a: "
                   "the product rule's factor a of d(a sigmoid(b))/db is missing, so the gate columns of Wp and bp "
                   "get wrong gradients (the value columns and the output layer are right)",
         expected=("glu", "gated linear unit", "gate", "gate half", "value half", "product rule", "missing factor",
                   "a * s", "sigmoid derivative", "s * (1 - s)", "d_b", "second half", "wp", "factor a")),
    dict(id="PR15_task_weight_twice_on_trunk", side="numpy",
         args=pair("16_two_head_numpy.py", "TwoHeadNet", "16_two_head_torch.py", "TwoHeadNet",
                   "--data", TASKS, *HEADS),
         mechanism="pair: the regression head's delta already carries its task weight W_REG = 0.3, but the trunk's "
                   "gradient multiplies it by W_REG again, d_h = W_REG * d_reg @ Wr.T + d_cls @ Wc.T: the regression "
                   "task's share of W1 and b1 is weighted W_REG^2 = 0.09 instead of 0.3 (the heads are right)",
         expected=("task weight", "w_reg", "twice", "double", "weighted twice", "applied twice", "squared",
                   "0.09", "w_reg^2", "w_reg**2", "trunk", "shared", "regression head", "loss weight")),
    dict(id="PR16_trunk_grad_last_head_only", side="numpy",
         args=numpy_net("17_two_task_net.py", "TwoTaskNet", "--init", "TwoTaskNet()", "--step", "net.train_step(X, y)",
                        *KIT),
         mechanism="the loop over the two task heads assigns each head's back-propagated error to the trunk's "
                   "gradient, d_h = d_t @ W2[:, t].T, instead of adding it (+=): only the last head's contribution "
                   "reaches the trunk, so W1 and b1 get the second task's gradient alone (W2 and b2 are right)",
         expected=("+=", "assign", "overwrit", "last head", "last task", "only one head", "one head", "second task",
                   "accumulate", "sum over heads", "sum over tasks", "trunk", "shared", "loop", "missing contribution")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PRC1_einsum_mixture", side="correct",
         args=pair("correct_01_moe_numpy.py", "EinsumMixture", "correct_01_moe_torch.py", "EinsumMixture",
                   "--data", EXPERTS,
                   *params("params['We']=expert_w", "params['be']=expert_b", "params['Wg']=gate_w",
                           "params['bg']=gate_b")),
         mechanism="pair: dense mixture of three linear experts written with np.einsum, the gate as exp(s - logsumexp), "
                   "its gradient through the full softmax Jacobian built by einsum; the port with raw nn.Parameters, "
                   "torch.addmm, log_softmax(...).exp() and torch.einsum, the MSE written out", expected=()),
    dict(id="PRC2_weighted_tasks_port", side="correct",
         args=port("correct_02_weighted_tasks_port.py", "Net", *OPT, *KIT),
         mechanism="port: two sigmoid task outputs, per-task BCE from one reduction='none' call averaged down the rows, "
                   "combined by torch.dot with a registered task-weight buffer [0.5, 0.5], layers in an nn.ModuleDict, "
                   "SGD over two parameter groups, gradients cleared by p.grad = None; the kit's NumPy network",
         expected=()),
    dict(id="PRC3_looped_tasks_net", side="correct",
         args=numpy_net("correct_03_task_loop_net.py", "LoopedTasks", "--init", "LoopedTasks()",
                        "--step", "net.train_step(X, y)", *KIT),
         mechanism="NumPy: trunk weight stored (out, in), (1, h) biases, BCE from the logit with np.logaddexp, the "
                   "sigmoid as exp(-logaddexp(0, -z)), the heads walked one task at a time, each adding into the "
                   "trunk's gradient with np.add(out=), tanh derivative (1 - h)(1 + h); against the kit's twin",
         expected=()),
]
