package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobList;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.kubeclient.rest.RESTClient;

/** The typed clients of {@code batch/v1}; obtain it from {@link Clientset#batchV1()}. */
public final class BatchV1Client extends GroupVersionClient {

    BatchV1Client(RESTClient client) {
        super(client);
    }

    /** CronJob objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<CronJob, CronJobList> cronJobs(String namespace) {
        return namespacedWithStatus("cronjobs", namespace, CronJob.class, CronJobList.class);
    }

    /** Job objects in {@code namespace} ({@code ""}: all namespaces, for list and watch). */
    public StatusResourceClient<Job, JobList> jobs(String namespace) {
        return namespacedWithStatus("jobs", namespace, Job.class, JobList.class);
    }
}
