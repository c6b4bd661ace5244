"""Forty-third fresh held-out set for the diagnosis: one planted bug per program in fresh43/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight
NumPy programs, seven of them checked against a correct port of their own) and three correct
programs in unusual styles. The theme is metric learning and contrastive objectives written by
hand in NumPy and ported to PyTorch: SimCLR's NT-Xent loss over the (2n, 2n) cosine-similarity
matrix of two views with a temperature and the self-similarity masked out, L2-normalised
embeddings, a siamese encoder with the margin contrastive loss of Hadsell et al., FaceNet's
triplet loss on squared distances, and softmax classifiers written as prototype scorers or with
InfoNCE-, NormFace- and CosFace-style code from face-recognition and self-supervised recipes.
The bugs: the axis of a normalisation, a temperature multiplied, the diagonal's fill value, a
hinge on the squared distance, a distance to a prototype for a dot product, the positive left
out of the denominator, prototypes normalised, an einsum's output index, the normalisation's
backward, one half of a similarity matrix's gradient, the positive's index, the hinge's
derivative unclipped, the epsilon of a norm outside the root, a mean over the active triplets,
a lost term of the anchor's gradient, an additive margin.
fresh43/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh43_cases

Each case:
    id          short name (prefixed PQ)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh42/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, written beside it as
`# fix: ...`) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
The correct NumPy programs and ports without a number (ntxent_*, contrastive_*, triplet_*,
classifier_*) are the references the numbered (buggy) files are derived from and checked against.
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh43/"
port, numpy_net = in_folder(F)

VIEWS, PAIRS, TRIPLETS = F + "views.npz", F + "pairs.npz", F + "triplets.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


ENC = params("W1=encoder.0.weight.T", "b1=encoder.0.bias", "W2=encoder.2.weight.T", "b2=encoder.2.bias")
KIT = ("--data", "random:48,6,3", "--hidden-activation", "tanh", "--output-activation", "softmax",
       "--loss", "ce", "--lr", "0.5")


def ntxent(numpy_file: str = "ntxent_numpy.py", torch_file: str = "ntxent_torch.py") -> list[str]:
    return pair(numpy_file, "NTXent", torch_file, "NTXent", "--data", VIEWS, *ENC)


def contrastive(numpy_file: str = "contrastive_numpy.py", torch_file: str = "contrastive_torch.py",
                *extra: str) -> list[str]:
    return pair(numpy_file, "SiameseContrastive", torch_file, "SiameseContrastive", "--data", PAIRS, *ENC, *extra)


def triplet(numpy_file: str = "triplet_numpy.py", torch_file: str = "triplet_torch.py") -> list[str]:
    return pair(numpy_file, "TripletNet", torch_file, "TripletNet", "--data", TRIPLETS, *ENC)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PQ01_ntxent_normalize_dim0", side="port",
         args=ntxent(torch_file="01_ntxent_torch.py"),
         mechanism="pair: the port L2-normalises the embeddings with F.normalize(z, dim=0), along the batch axis, "
                   "instead of dim=1: each feature column is divided by its norm over the 2n rows instead of each "
                   "row by its own norm, so the rows are not unit vectors, z @ z.T is not the cosine similarity and "
                   "the NT-Xent logits (and their gradients, coupled across the batch) are wrong",
         expected=("normalize", "f.normalize", "dim=0", "dim=1", "axis", "wrong axis", "wrong dimension",
                   "batch axis", "column", "per row", "each row", "unit norm", "unit length", "l2", "row norm",
                   "cosine", "cosine similarity", "normalis", "normaliz")),
    dict(id="PQ02_ntxent_temperature_multiplied", side="port",
         args=ntxent(torch_file="02_ntxent_torch.py"),
         mechanism="pair: the port's similarity logits are z @ z.T * tau instead of z @ z.T / tau: with tau = 0.5 the "
                   "cosine similarities are scaled by 0.5 instead of 2, a factor tau^2 = 1/4 on every logit, so the "
                   "softmax over the in-batch negatives is flatter (temperature 4 times too high) and the gradients "
                   "are smaller",
         expected=("temperature", "tau", "multiplied", "multiplies", "instead of divid", "divide", "* tau", "/ tau",
                   "1/tau", "tau^2", "tau**2", "factor 4", "factor of 4", "0.25", "1/4", "flatter", "logit scale",
                   "scale", "softmax")),
    dict(id="PQ03_ntxent_diagonal_zero", side="port",
         args=ntxent(torch_file="03_ntxent_torch.py"),
         mechanism="pair: the self-similarity diagonal is masked with masked_fill(self_mask, 0.0) instead of "
                   "float('-inf'): each row's own entry stays in the softmax with logit 0 and weight exp(0) = 1 in "
                   "the denominator, so every row's probabilities (and the cross-entropy's gradient) are "
                   "normalised over one extra term",
         expected=("diagonal", "self-similarity", "self similarity", "masked_fill", "mask", "-inf", "inf",
                   "0.0", "zero", "exp(0)", "denominator", "normaliser", "normalizer", "extra term", "self",
                   "itself", "nt-xent", "softmax")),
    dict(id="PQ04_contrastive_hinge_squared_distance", side="port",
         args=contrastive(torch_file="04_contrastive_torch.py"),
         mechanism="pair: the port's contrastive hinge is F.relu(MARGIN - sq), the squared distance ||e1 - e2||^2 "
                   "against the margin, instead of F.relu(MARGIN - d) with the distance d: dissimilar pairs are "
                   "pushed apart until d^2 (not d) reaches 1.5, other pairs are active and each active pair's "
                   "gradient carries the factor 2 d of the square",
         expected=("squared distance", "squared", "sq", "d^2", "d ** 2", "d**2", "distance", "margin", "hinge",
                   "relu", "margin - d", "sqrt", "square root", "dissimilar", "negative pairs", "2 d", "2d",
                   "contrastive")),
    dict(id="PQ05_prototype_squared_distance", side="port",
         args=port("05_prototype_port.py", "Net", *KIT),
         mechanism="the port scores each class as a prototypical network does, -torch.cdist(h, fc2.weight) ** 2 + "
                   "bias, the negative squared Euclidean distance to the class's weight row, instead of the dot "
                   "product fc2(h): the logits are 2 h.w_k - ||w_k||^2 (the ||h||^2 term cancels in the softmax), "
                   "twice the dot product less each prototype's squared norm",
         expected=("cdist", "distance", "squared distance", "euclidean", "prototype", "prototypical", "dot product",
                   "linear", "fc2", "||w||^2", "norm of the weight", "squared norm", "factor 2", "twice", "2 h",
                   "logits")),
    dict(id="PQ06_infonce_positive_out_of_denominator", side="port",
         args=port("06_infonce_port.py", "Net", *KIT),
         mechanism="the port writes the cross-entropy in InfoNCE form, logsumexp over the logits minus the target "
                   "logit, but masks the target class out of the logsumexp (masked_fill(y.bool(), -inf)), as "
                   "decoupled-contrastive code does: the denominator holds the negatives only, so the target "
                   "logit's gradient is -1/n instead of (p_y - 1)/n and the other classes get softmax over the "
                   "negatives only; the loss can go negative",
         expected=("denominator", "positive", "target", "excluded", "left out", "negatives only", "only the negatives",
                   "masked_fill", "mask", "logsumexp", "infonce", "decoupled", "p_y", "partition", "normaliser",
                   "normalizer", "cross-entropy", "-inf")),
    dict(id="PQ07_normface_weight_rows", side="port",
         args=port("07_normface_port.py", "Net", *KIT),
         mechanism="the port's output layer is F.linear(h, F.normalize(fc2.weight, dim=1), fc2.bias), a NormFace "
                   "/ cosine-classifier recipe: every class's weight row is L2-normalised to unit length before "
                   "the dot product, so the logits are h.w_k / ||w_k|| and fc2.weight's gradient is projected off "
                   "its own row (the normalisation's backward), where the NumPy network uses the raw weights",
         expected=("normalize", "f.normalize", "weight norm", "weight normalis", "weight normaliz", "unit length",
                   "unit norm", "l2", "row", "normface", "cosine classifier", "cosine", "||w||", "projected",
                   "fc2.weight", "output layer", "prototype")),
    dict(id="PQ08_triplet_einsum_output_index", side="port",
         args=triplet(torch_file="08_triplet_torch.py"),
         mechanism="pair: the anchor-positive squared distance is torch.einsum('ij,ij->', a - p, a - p), the output "
                   "index dropped, which sums over the batch as well: one scalar, the total of all n squared "
                   "distances, broadcast into every triplet's hinge, sum_j ||a_j - p_j||^2 - ||a_i - n_i||^2 + "
                   "margin, so (nearly) every triplet is active and each positive distance gets the gradient of "
                   "every active triplet",
         expected=("einsum", "->i", "output index", "subscript", "summed over the batch", "sum over the batch",
                   "scalar", "total", "broadcast", "every triplet", "all triplets", "positive distance", "d_ap",
                   "anchor-positive", "squared distance", "triplet")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PQ09_normalisation_backward_constant", side="numpy",
         args=ntxent(numpy_file="09_ntxent_numpy.py"),
         mechanism="pair: the backward of the L2 normalisation zh = z / ||z|| is written dz = dZh / ||z||, the norm "
                   "treated as a constant: the projection term - zh (zh . dZh) / ||z|| is missing, so the embedding "
                   "gradient keeps its component along each embedding (which cannot change a cosine) and W1, b1, "
                   "W2, b2 are wrong",
         expected=("normalis", "normaliz", "norm", "constant", "projection", "zh . dz", "radial", "along the embedding",
                   "tangent", "jacobian", "l2", "unit", "(i - zz^t)", "i - z z^t", "outer product", "backward",
                   "derivative of the norm")),
    dict(id="PQ10_similarity_gradient_one_side", side="numpy",
         args=ntxent(numpy_file="10_ntxent_numpy.py"),
         mechanism="pair: the gradient of the similarity matrix S = zh zh^T / tau is taken back to the embeddings as "
                   "dS zh / tau, the row side only, instead of (dS + dS^T) zh / tau: each embedding gets the "
                   "gradient of the rows it anchors but not of the columns where it is a positive or a negative for "
                   "other rows (dS is not symmetric)",
         expected=("transpose", "ds.t", "ds^t", "ds + ds.t", "symmetric", "not symmetric", "both sides", "one side",
                   "column", "rows only", "similarity matrix", "z z^t", "zh @ zh.t", "product rule", "twice",
                   "as a key", "as a negative", "negatives", "missing term")),
    dict(id="PQ11_positive_index_interleaved", side="numpy",
         args=ntxent(numpy_file="11_ntxent_numpy.py"),
         mechanism="pair: the positive's index is pos = idx ^ 1, the convention of an interleaved batch [a0, b0, a1, "
                   "b1, ...], while the views are stacked as [all A; all B], where the other view of row i is "
                   "(i + n) mod 2n: each row's 'positive' is the neighbouring example's view, a negative, and its "
                   "true positive is treated as a negative (labels of the similarity matrix shifted)",
         expected=("label", "labels", "target", "positive", "index", "idx ^ 1", "xor", "interleav", "(i + n)",
                   "i + n", "mod 2n", "shifted", "wrong positive", "other view", "stacked", "concatenat",
                   "similarity matrix", "neighbour", "neighbor")),
    dict(id="PQ12_contrastive_hinge_derivative_unclipped", side="numpy",
         args=contrastive(numpy_file="12_contrastive_numpy.py"),
         mechanism="pair: the dissimilar pairs' hinge derivative is written -(1 - y) (MARGIN - d) instead of -(1 - y) "
                   "max(0, MARGIN - d): the hinge's derivative is not clipped at the margin, so pairs already "
                   "farther apart than the margin (zero loss) still get a gradient, one that pulls them back "
                   "towards d = MARGIN",
         expected=("hinge", "margin", "max(0", "maximum", "clip", "clipped", "inactive", "beyond the margin",
                   "farther than the margin", "zero loss", "derivative", "indicator", "mask", "relu", "(margin - d)",
                   "margin - d", "dissimilar", "pulled")),
    dict(id="PQ13_norm_epsilon_outside_sqrt", side="numpy",
         args=contrastive("13_contrastive_numpy.py", "contrastive_torch.py", "--dtype", "float64"),
         mechanism="pair: the NumPy program's pair distance is np.sqrt(sq) + EPS, the epsilon outside the square root, "
                   "where the port computes torch.sqrt(sq + EPS) (inside): with EPS = 1e-6 the distances differ by "
                   "about EPS (1 - 1/(2 d)), a relative 1e-6 in the loss and the gradients, seen in float64",
         expected=("eps", "epsilon", "sqrt", "square root", "inside", "outside", "sqrt(sq + eps)", "sqrt(x + eps)",
                   "+ eps", "1e-6", "distance", "norm", "small", "float64", "tiny")),
    dict(id="PQ14_triplet_mean_over_active", side="numpy",
         args=triplet(numpy_file="14_triplet_numpy.py"),
         mechanism="pair: the triplet loss's gradient is averaged over the active triplets, active / active.sum() "
                   "(batch-all mining's normalisation), where the loss (and the port's .mean()) averages over all n "
                   "triplets: every gradient is n / n_active times too large, a factor that changes every step",
         expected=("active", "active triplets", "non-zero", "nonzero", "positive triplets", "mean over",
                   "averaged over", "number of active", "n_active", "active.sum", "instead of n", "batch size",
                   "mean vs", "factor", "too large", "hinge", "batch-all")),
    dict(id="PQ15_triplet_anchor_gradient", side="numpy",
         args=triplet(numpy_file="15_triplet_numpy.py"),
         mechanism="pair: the anchor's gradient is written 2 (a - p) only, the -2 (a - n) term from ||a - n||^2 lost: "
                   "anchors are pulled towards their positives but not pushed away from their negatives (the "
                   "positive's and negative's gradients are right)",
         expected=("anchor", "negative", "a - n", "(a - n)", "2 (a - n)", "missing term", "term lost", "dropped",
                   "pushed away", "pull", "push", "d_a", "anchor gradient", "gradient of the anchor",
                   "triplet", "negative distance")),
    dict(id="PQ16_cosface_additive_margin", side="numpy",
         args=numpy_net("16_cosface_numpy.py", "SoftmaxNet", "--init", "SoftmaxNet()", "--step",
                        "net.train_step(X, y)", *KIT),
         mechanism="the logits are built as h W2 + b2 - MARGIN * y, the additive margin of CosFace / AM-softmax "
                   "(MARGIN = 0.35) kept from a face-recognition recipe: the target class's logit is lowered by 0.35 "
                   "before the softmax, so the loss is larger and the logit gradient is p' - y with p' the softmax of "
                   "the shifted logits",
         expected=("margin", "additive margin", "cosface", "am-softmax", "large margin", "0.35", "target logit",
                   "true class", "label logit", "lowered", "subtract", "shifted", "- margin * y", "logits",
                   "softmax")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PQC1_triplet_blocks_unbind", side="correct",
         args=triplet(),
         mechanism="pair: FaceNet's triplet loss on squared distances; NumPy: the three branches as index blocks of one "
                   "stacked batch from X.transpose(1, 0, 2), ReLU encoder with biases at 0.1, the anchor's gradient "
                   "2 (a - p) - 2 (a - n); port: the encoder on the (n, 3, 5) tensor at once, unbind(dim=1), "
                   "einsum row dot products and torch.clamp(min=0)",
         expected=()),
    dict(id="PQC2_prototype_einsum_port", side="correct",
         args=port("correct_02_prototype_port.py", "ProtoNet", *KIT),
         mechanism="port: a softmax classifier written as a prototype scorer, the logits torch.einsum('nh,kh->nk') of "
                   "the tanh features with proto.weight plus proto.bias, the trunk through F.linear, the loss "
                   "-(y * F.log_softmax(z, 1)).sum(1).mean(); the kit's NumPy network",
         expected=()),
    dict(id="PQC3_ntxent_masked_cross_entropy", side="correct",
         args=ntxent(),
         mechanism="pair: SimCLR's NT-Xent over the (2n, 2n) similarity matrix; NumPy: the diagonal set to -inf in "
                   "place, the normalisation's backward (I - zh zh^T) / ||z||, (dS + dS^T) zh / tau; port: "
                   "F.normalize, masked_fill of torch.eye with -inf and F.cross_entropy on (i + n) mod 2n",
         expected=()),
]
